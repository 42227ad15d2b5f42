import { bearer, proxyListPath, stytchListPath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { useSeededStack } from '../helpers/proxy-stack.ts';

// A project that calls Stytch through its own CNAMEd domain gets session JWTs whose `iss` is that
// base URL. Here the emulator's URL is the proxy's STYTCH_BASE_URL, so it plays the custom domain.
const t = useSeededStack();

async function aliceJwtIssuedBy(iss: string): Promise<string> {
  const { emulator } = t.stack;
  return (await emulator.control.mintSession({ user_id: t.world.alice.user_id, claims_override: { iss } }))
    .session_jwt;
}

async function listWith(jwt: string) {
  const response = await fetch(`${t.stack.url}${proxyListPath(t.world.alice.user_id)}`, {
    headers: bearer(jwt),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('consumer session JWT issuers', () => {
  it.each([
    ['stytch.com/{project_id}', () => `stytch.com/${t.stack.emulator.projectId}`],
    ['the configured base URL (a custom domain)', () => t.stack.emulator.url],
  ])('accepts %s', async (_name, issuer) => {
    const { status, body } = await listWith(await aliceJwtIssuedBy(issuer()));
    expect(status).toBe(200);
    expect(body.status_code).toBe(200);
    expect(await t.stack.stytchRequests()).toEqual([`GET ${stytchListPath(t.world.alice.user_id)}`]);
  });

  it.each([
    ['the base URL with a trailing slash', () => `${t.stack.emulator.url}/`],
    ['another base URL', () => 'https://test.stytch.com'],
    ['another project', () => 'stytch.com/project-test-made-up-for-this-test'],
    ['the bare project id', () => t.stack.emulator.projectId],
    ['the base URL with a path', () => `${t.stack.emulator.url}/v1`],
  ])('refuses %s with 401 session_invalid, nothing sent to Stytch', async (_name, issuer) => {
    const { status, body } = await listWith(await aliceJwtIssuedBy(issuer()));
    expect(status).toBe(401);
    expect(body.error_type).toBe('session_invalid');
    expect(await t.stack.stytchRequests()).toEqual([]);
  });
});
