import { describe, expect, it } from 'vitest';
import { SESSION_PLACEHOLDER } from '../src/pact-file.ts';
import { readPactInteractions } from './support/read-pact.ts';

describe('the session placeholder', () => {
  it('is the only credential any request of the pact carries, so the verification can swap it', () => {
    const credentials = readPactInteractions().flatMap(({ request }) =>
      Object.entries(request.headers ?? {})
        .filter(([name]) => ['authorization', 'cookie'].includes(name.toLowerCase()))
        .flatMap(([, values]) => values),
    );
    expect(credentials.length).toBeGreaterThan(0);
    for (const value of credentials) {
      expect(value).toContain(SESSION_PLACEHOLDER);
      expect(value.replaceAll(SESSION_PLACEHOLDER, '')).toMatch(/^(Bearer |[\w-]+=)$/);
    }
  });
});
