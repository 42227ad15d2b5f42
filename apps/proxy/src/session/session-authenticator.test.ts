import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors/proxy-error.ts';
import type { VerifiedJwt } from './jwt-verifier.ts';
import type { AuthenticatedSession } from './remote-session.ts';
import { createSessionAuthenticator } from './session-authenticator.ts';

// The two verification steps are the authenticator's inputs: these record calls so the caching and
// routing between them can be checked. Real JWT verification and Stytch calls are tested elsewhere.
function setup(jwt: Partial<VerifiedJwt> = {}, maxAgeSeconds = 60) {
  const calls = { jwt: 0, remote: [] as unknown[] };
  const now = Date.now();
  const authenticate = createSessionAuthenticator({
    maxAgeSeconds,
    verifyJwt: async (value) => {
      calls.jwt++;
      if (value === 'bad') throw new ProxyError('session_invalid');
      return {
        user_id: 'user-a',
        session_id: 's-1',
        roles: [],
        issued_at_ms: now,
        expires_at_ms: now + 300_000,
        ...jwt,
      };
    },
    authenticateRemote: async (credential): Promise<AuthenticatedSession> => {
      calls.remote.push(credential);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { user_id: 'user-a', session_id: 's-1', roles: ['admin'], expires_at_ms: now + 3_600_000 };
    },
  });
  return { authenticate, calls };
}

describe('createSessionAuthenticator', () => {
  it('verifies a fresh JWT locally once and then answers from the cache', async () => {
    const { authenticate, calls } = setup();
    for (let i = 0; i < 5; i++) {
      expect(await authenticate({ kind: 'jwt', value: 'jwt-1', via: 'bearer' })).toMatchObject({
        user_id: 'user-a',
        verified_by: 'jwt',
      });
    }
    expect(calls.jwt).toBe(1);
    expect(calls.remote).toEqual([]);
  });

  it('confirms a JWT older than the max age with Stytch, after checking its signature', async () => {
    const { authenticate, calls } = setup({
      issued_at_ms: Date.now() - 120_000,
      expires_at_ms: Date.now() + 180_000,
    });
    const session = await authenticate({ kind: 'jwt', value: 'old-jwt', via: 'cookie' });
    expect(session).toMatchObject({ verified_by: 'stytch', roles: ['admin'] });
    expect(calls.jwt).toBe(1);
    expect(calls.remote).toEqual([{ session_jwt: 'old-jwt' }]);
    await expect(authenticate({ kind: 'jwt', value: 'bad', via: 'cookie' })).rejects.toMatchObject({
      type: 'session_invalid',
    });
    expect(calls.remote).toHaveLength(1);
  });

  it('confirms an opaque token with Stytch once for concurrent requests, trusted for at most the max age', async () => {
    const { authenticate, calls } = setup({}, 30);
    const credential = { kind: 'token', value: 'opaque', via: 'cookie' } as const;
    const sessions = await Promise.all([
      authenticate(credential),
      authenticate(credential),
      authenticate(credential),
    ]);
    expect(calls.remote).toEqual([{ session_token: 'opaque' }]);
    expect(sessions[0]?.trust_until_ms).toBeLessThanOrEqual(Date.now() + 30_000);
    await authenticate(credential);
    expect(calls.remote).toHaveLength(1);
  });

  it('does not cache a failure', async () => {
    const { authenticate, calls } = setup();
    await expect(authenticate({ kind: 'jwt', value: 'bad', via: 'bearer' })).rejects.toBeInstanceOf(
      ProxyError,
    );
    await expect(authenticate({ kind: 'jwt', value: 'bad', via: 'bearer' })).rejects.toBeInstanceOf(
      ProxyError,
    );
    expect(calls.jwt).toBe(2);
  });
});
