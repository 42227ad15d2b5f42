import { describe, expect, it } from 'vitest';
import { revokePath, TEST_REQUEST_ID } from './helpers.ts';
import type { Settled } from './sdk/scenario.ts';
import { useTlsEmulator } from './sdk/tls-emulator.ts';

const tls = useTlsEmulator();

describe('the official stytch SDK against the emulator over TLS', () => {
  it('revokes, lists, authenticates JWTs locally and remotely, and surfaces errors as StytchError', async () => {
    const emulator = tls.emulator();
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const user = await emulator.control.createUser({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      external_id: 'ada',
    });
    const calendar = await emulator.control.createConnectedApp({
      name: 'Calendar Sync',
      logo_url: 'data:image/svg+xml,x',
    });
    const notes = await emulator.control.createConnectedApp({ name: 'Notes', client_type: 'first_party' });
    for (const app of [calendar, notes]) {
      await emulator.control.createGrant({
        user_id: user.user_id,
        connected_app_id: app.connected_app_id,
        scopes: ['openid', 'email'],
      });
    }
    const session = await emulator.control.mintSession({ user_id: user.user_id, roles: ['admin'] });
    await emulator.control.clearRequests();

    const input = {
      userId: user.user_id,
      externalId: 'ada',
      appId: calendar.connected_app_id,
      otherAppId: notes.connected_app_id,
      sessionJwt: session.session_jwt,
      sessionToken: session.session_token,
    };
    const results = (await tls.runScenario('run-sdk-scenarios.ts', input)) as Record<string, Settled>;

    expect(results.list).toMatchObject({
      ok: true,
      value: {
        status_code: 200,
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        connected_apps: [
          expect.objectContaining({
            connected_app_id: calendar.connected_app_id,
            scopes_granted: 'openid email',
          }),
          expect.objectContaining({
            connected_app_id: notes.connected_app_id,
            client_type: 'first_party',
            logo_url: null,
          }),
        ],
      },
    });
    expect(results.revoke).toEqual({
      ok: true,
      value: { request_id: expect.stringMatching(TEST_REQUEST_ID), status_code: 200 },
    });
    expect(results.jwtLocal).toMatchObject({
      ok: true,
      value: {
        session_jwt: session.session_jwt,
        session: { session_id: session.session_id, user_id: user.user_id, roles: ['stytch_user', 'admin'] },
      },
    });
    expect(results.jwtRemote).toMatchObject({
      ok: true,
      value: { status_code: 200, session: { session_id: session.session_id, user_id: user.user_id } },
    });
    expect(results.token).toMatchObject({
      ok: true,
      value: { session_token: session.session_token, user: { user_id: user.user_id } },
    });
    expect(results.revokeByExternalId).toMatchObject({ ok: true, value: { status_code: 200 } });
    expect(results.error).toEqual({
      ok: false,
      isStytchError: true,
      name: 'StytchError',
      fields: {
        status_code: 404,
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        error_type: 'connected_app_not_found',
        error_message: 'The Connected App requested could not be found.',
        error_url: 'https://stytch.com/docs/api/errors/404',
      },
      message: expect.any(String),
    });

    // The local path fetched the JWKS and did not call authenticate: exactly two authenticate calls
    // (max_token_age_seconds 0 and the opaque token) reached the emulator.
    const { requests } = await emulator.control.getRequests();
    expect(requests.map((r) => `${r.method} ${r.path} ${r.authorized} ${r.status}`)).toEqual([
      `GET /v1/users/${user.user_id}/connected_apps true 200`,
      `POST ${revokePath(user.user_id, calendar.connected_app_id)} true 200`,
      `GET /v1/sessions/jwks/${emulator.projectId} false 200`,
      'POST /v1/sessions/authenticate true 200',
      'POST /v1/sessions/authenticate true 200',
      `POST ${revokePath('ada', notes.connected_app_id)} true 200`,
      `POST ${revokePath(user.user_id, 'connected-app-test-does-not-exist')} true 404`,
    ]);
    for (const app of [calendar, notes]) {
      const tokens = await emulator.control.getTokens(user.user_id, app.connected_app_id);
      expect(tokens.grant_active).toBe(false);
      expect(tokens.tokens.every((t) => t.revoked)).toBe(true);
    }
  });
});
