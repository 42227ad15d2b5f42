import {
  createStytchClient,
  InvalidRequestError,
  InvalidResponseError,
  StytchApiError,
} from '@connected-apps/core';
import { sessionJwtIssuer } from '@connected-apps/core/wire';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { coreTransports, useTransport } from './core-transports.ts';
import { listPath, revokePath, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

// core's Stytch client against the real emulator, over every transport core ships: the two are built
// apart (the emulator decodes Basic auth, reads bodies and checks ids on its own), so each checks the other.

/** Awaits a promise expected to reject and returns the rejection (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject, but it resolved');
    },
    (error: unknown) => error,
  );
}

describe.each(coreTransports('fetch', 'ky', 'undici'))(
  "core's Stytch client over the %s transport",
  (_name, createTransport) => {
    // A non-ASCII secret: core must send it as UTF-8 Basic auth, which the emulator decodes on its own.
    const emulator = useEmulator({ secret: 'secret-test-ünï-c0de' });
    const transport = useTransport(createTransport);
    let user_id: string;
    let connected_app_id: string;
    const client = (options: { secret?: string; project_id?: string } = {}) =>
      createStytchClient({
        project_id: options.project_id ?? emulator.projectId,
        secret: options.secret ?? emulator.secret,
        baseUrl: emulator.url,
        transport: transport(),
        retry: { delay: () => 10, jitter: false },
      });

    beforeEach(async () => {
      const user = await emulator.control.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' });
      const app = await emulator.control.createConnectedApp({ name: 'Calendar Sync' });
      user_id = user.user_id;
      connected_app_id = app.connected_app_id;
      await emulator.control.createGrant({ user_id, connected_app_id, scopes: ['openid', 'email'] });
    });

    it('lists the app, revokes it (tokens revoked, grant gone) and no longer lists it', async () => {
      const before = await client().users.connectedApps({ user_id });
      expect(before.request_id).toMatch(TEST_REQUEST_ID);
      expect(before.connected_apps).toEqual([
        {
          connected_app_id,
          name: 'Calendar Sync',
          description: '',
          client_type: 'third_party',
          logo_url: null,
          scopes_granted: 'openid email',
        },
      ]);

      const revoked = await client().users.revoke({ user_id, connected_app_id });
      expect(revoked).toEqual({ request_id: expect.stringMatching(TEST_REQUEST_ID), status_code: 200 });

      const tokens = await emulator.control.getTokens(user_id, connected_app_id);
      expect(tokens.grant_active).toBe(false);
      expect(tokens.tokens.map((token) => [token.type, token.revoked])).toEqual([
        ['access', true],
        ['refresh', true],
      ]);
      expect((await client().users.connectedApps({ user_id })).connected_apps).toEqual([]);
    });

    it('revokes idempotently: a second revoke also succeeds', async () => {
      await client().users.revoke({ user_id, connected_app_id });
      await expect(client().users.revoke({ user_id, connected_app_id })).resolves.toMatchObject({
        status_code: 200,
      });
    });

    it("rejects an unknown app or user with Stytch's 404 as a typed StytchApiError", async () => {
      const noApp = await rejectionOf(
        client().users.revoke({ user_id, connected_app_id: 'connected-app-test-nope' }),
      );
      expect(noApp).toBeInstanceOf(StytchApiError);
      expect(noApp).toMatchObject({
        status_code: 404,
        error_type: 'connected_app_not_found',
        retryable: false,
      });
      const noUser = await rejectionOf(client().users.connectedApps({ user_id: 'user-test-nope' }));
      expect(noUser).toBeInstanceOf(StytchApiError);
      expect(noUser).toMatchObject({ status_code: 404, error_type: 'user_not_found' });
    });

    it("rejects a wrong secret with Stytch's 401, and the secret is in no field of the error", async () => {
      const error = await rejectionOf(
        client({ secret: 'secret-test-wrong' }).users.revoke({ user_id, connected_app_id }),
      );
      expect(error).toBeInstanceOf(StytchApiError);
      expect((error as StytchApiError).toJSON()).toEqual({
        status_code: 401,
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        error_type: 'unauthorized_credentials',
        error_message: 'Unauthorized credentials.',
        error_url: 'https://stytch.com/docs/api/errors/401',
      });
      expect(JSON.stringify(error)).not.toContain('secret-test-wrong');
    });

    it('waits out an injected 429 for its Retry-After, retries a dropped connection, then revokes', async () => {
      const path = revokePath(user_id, connected_app_id);
      await emulator.control.injectFault({ method: 'POST', path, status: 429, retry_after: 1 });
      await emulator.control.injectFault({ method: 'POST', path, drop_connection: true });
      await emulator.control.clearRequests();
      await expect(client().users.revoke({ user_id, connected_app_id })).resolves.toMatchObject({
        status_code: 200,
      });
      const { requests } = await emulator.control.getRequests();
      expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['POST', path, 429],
        ['POST', path, 0],
        ['POST', path, 200],
      ]);
      // The emulator's own clock: the retry arrived no sooner than the one second Stytch asked for.
      const [limited, retried] = requests.map((r) => Date.parse(r.at));
      expect((retried ?? 0) - (limited ?? 0)).toBeGreaterThanOrEqual(990);
      expect((await emulator.control.getTokens(user_id, connected_app_id)).grant_active).toBe(false);
    });

    it('turns an injected malformed JSON body into an InvalidResponseError', async () => {
      await emulator.control.injectFault({ method: 'GET', path: listPath(user_id), malformed_json: true });
      const error = await rejectionOf(client().users.connectedApps({ user_id }));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status_code: 200, error_type: 'invalid_response' });
    });

    it('refuses a hostile user_id before sending anything', async () => {
      await emulator.control.clearRequests();
      const error = await rejectionOf(client().users.revoke({ user_id: '../../x?y#z', connected_app_id }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ status_code: 0, error_details: { field: 'user_id' } });
      expect((await emulator.control.getRequests()).requests).toEqual([]);
    });

    it('authenticates a session by token and by JWT, and rejects an unknown token with a 404', async () => {
      const minted = await emulator.control.mintSession({ user_id, roles: ['auditor'] });
      const byToken = await client().sessions.authenticate({ session_token: minted.session_token });
      expect(byToken.request_id).toMatch(TEST_REQUEST_ID);
      expect(byToken.session).toMatchObject({
        session_id: minted.session_id,
        user_id,
        roles: expect.arrayContaining(['stytch_user', 'auditor']),
      });
      expect(byToken.session_token).toBe(minted.session_token);
      const byJwt = await client().sessions.authenticate({ session_jwt: minted.session_jwt });
      expect(byJwt.session.session_id).toBe(minted.session_id);

      const unknown = await rejectionOf(client().sessions.authenticate({ session_token: 'not-a-session' }));
      expect(unknown).toBeInstanceOf(StytchApiError);
      expect(unknown).toMatchObject({ status_code: 404, error_type: 'session_not_found' });
    });

    it("fetches the project's JWKS, which verifies the session JWTs the emulator signs", async () => {
      const minted = await emulator.control.mintSession({ user_id });
      const jwks = await client().sessions.getJWKS({ project_id: emulator.projectId });
      expect(jwks.keys.map((key) => key.kid)).toEqual([decodeProtectedHeader(minted.session_jwt).kid]);
      const { payload } = await jwtVerify(minted.session_jwt, createLocalJWKSet(jwks), {
        issuer: sessionJwtIssuer(emulator.projectId),
        audience: emulator.projectId,
      });
      expect(payload.sub).toBe(user_id);

      const other = await rejectionOf(client().sessions.getJWKS({ project_id: 'project-test-other' }));
      expect(other).toMatchObject({ status_code: 404, error_type: 'project_not_found' });
    });
  },
);
