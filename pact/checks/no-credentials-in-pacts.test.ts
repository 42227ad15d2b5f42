import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_BASIC_AUTH, FAKE_SESSION_JWT } from '../support/matchers.ts';
import { PACTS_DIR } from '../support/pact-files.ts';

interface PactFile {
  interactions: Array<{
    description: string;
    request: { headers?: Record<string, string[]>; body?: unknown };
  }>;
}

const pacts = readdirSync(PACTS_DIR).filter((name) => name.endsWith('.json'));

/** Pacts are committed and published: the only credentials in them must be the obvious fakes. */
describe.each(pacts)('%s', (name) => {
  const pact = JSON.parse(readFileSync(join(PACTS_DIR, name), 'utf8')) as PactFile;

  it('carries only the fake credentials', () => {
    for (const { description, request } of pact.interactions) {
      const headers = Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([header, values]) => [
          header.toLowerCase(),
          values.join(', '),
        ]),
      );
      if (headers.authorization !== undefined) {
        expect([FAKE_BASIC_AUTH, `Bearer ${FAKE_SESSION_JWT}`], description).toContain(headers.authorization);
      }
      if (headers.cookie !== undefined) {
        expect(headers.cookie, description).toBe(`stytch_session_jwt=${FAKE_SESSION_JWT}`);
      }
      // B2B: the member session a forwarded call runs with (the verification injects a live one).
      if (headers['x-stytch-member-sessionjwt'] !== undefined) {
        expect(headers['x-stytch-member-sessionjwt'], description).toBe(FAKE_SESSION_JWT);
      }
      expect(headers['x-stytch-member-session'], description).toBeUndefined();
    }
  });

  it('holds no JWT but the fake one and no project secret', () => {
    const text = readFileSync(join(PACTS_DIR, name), 'utf8');
    const jwts = new Set(text.match(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g) ?? []);
    expect([...jwts].filter((jwt) => jwt !== FAKE_SESSION_JWT)).toEqual([]);
    expect(text).not.toMatch(/secret-(test|live)-(?!fake)/);
  });
});
