import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createStytchClient,
  InvalidResponseError,
  isStytchApiError,
  StytchApiError,
  type Transport,
} from '../src/index.ts';
import { FAST_RETRY, rejectionOf } from './helpers/clients.ts';
import { transports } from './helpers/transports.ts';

describe.each(transports)('against the Stytch emulator over the %s transport', (_name, createTransport) => {
  let emulator: Emulator;
  let transport: Transport;
  let user_id: string;
  let connected_app_id: string;
  const client = (options: { secret?: string } = {}) =>
    createStytchClient({
      project_id: emulator.projectId,
      secret: options.secret ?? emulator.secret,
      baseUrl: emulator.url,
      transport,
      retry: FAST_RETRY,
    });

  beforeAll(async () => {
    emulator = await start({ port: 0 });
    transport = createTransport();
  });
  afterAll(async () => {
    await transport.close?.();
    await emulator.stop();
  });
  beforeEach(async () => {
    const { control } = emulator;
    await control.reset();
    const user = await control.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const app = await control.createConnectedApp({ name: 'Calendar Sync', client_type: 'third_party' });
    user_id = user.user_id;
    connected_app_id = app.connected_app_id;
    await control.createGrant({ user_id, connected_app_id, scopes: ['openid', 'email'] });
  });

  it('lists the app, revokes it (tokens revoked, grant gone) and no longer lists it', async () => {
    const before = await client().users.connectedApps({ user_id });
    expect(before.request_id).toMatch(/^request-id-test-/);
    expect(before.connected_apps).toEqual([
      expect.objectContaining({ connected_app_id, name: 'Calendar Sync', scopes_granted: 'openid email' }),
    ]);

    const revoked = await client().users.revoke({ user_id, connected_app_id });
    expect(revoked).toMatchObject({
      status_code: 200,
      request_id: expect.stringMatching(/^request-id-test-/),
    });

    const tokens = await emulator.control.getTokens(user_id, connected_app_id);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((t) => t.revoked)).toBe(true);
    expect((await client().users.connectedApps({ user_id })).connected_apps).toEqual([]);
  });

  it('revokes idempotently: a second revoke also succeeds', async () => {
    await client().users.revoke({ user_id, connected_app_id });
    await expect(client().users.revoke({ user_id, connected_app_id })).resolves.toMatchObject({
      status_code: 200,
    });
  });

  it('rejects unknown apps and users with the 404 StytchApiError Stytch would send', async () => {
    const noApp = await rejectionOf(
      client().users.revoke({ user_id, connected_app_id: 'connected-app-test-nope' }),
    );
    expect(noApp).toBeInstanceOf(StytchApiError);
    expect(noApp).toMatchObject({
      status_code: 404,
      error_type: 'connected_app_not_found',
      retryable: false,
    });
    const noUser = await rejectionOf(client().users.revoke({ user_id: 'user-test-nope', connected_app_id }));
    expect(noUser).toMatchObject({ status_code: 404, error_type: 'user_not_found' });
  });

  it('rejects a wrong secret with the seed 401 body', async () => {
    const error = await rejectionOf(
      client({ secret: 'secret-test-wrong' }).users.revoke({ user_id, connected_app_id }),
    );
    expect(isStytchApiError(error)).toBe(true);
    expect((error as StytchApiError).toJSON()).toEqual({
      status_code: 401,
      request_id: expect.stringMatching(/^request-id-test-/),
      error_type: 'unauthorized_credentials',
      error_message: 'Unauthorized credentials.',
      error_url: 'https://stytch.com/docs/api/errors/401',
    });
  });

  it('retries an injected 429 after its Retry-After and a dropped connection, then revokes', async () => {
    const path = `/v1/users/${user_id}/connected_apps/${connected_app_id}/revoke`;
    await emulator.control.injectFault({ method: 'POST', path, status: 429, retry_after: 1 });
    await emulator.control.injectFault({ method: 'POST', path, drop_connection: true });
    await emulator.control.clearRequests();
    const started = performance.now();
    await expect(client().users.revoke({ user_id, connected_app_id })).resolves.toMatchObject({
      status_code: 200,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    const { requests } = await emulator.control.getRequests();
    expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', path, 429],
      ['POST', path, 0],
      ['POST', path, 200],
    ]);
    expect((await emulator.control.getTokens(user_id, connected_app_id)).grant_active).toBe(false);
  });

  it('turns an injected malformed JSON body into an InvalidResponseError', async () => {
    await emulator.control.injectFault({
      method: 'GET',
      path: `/v1/users/${user_id}/connected_apps`,
      malformed_json: true,
    });
    const error = await rejectionOf(client().users.connectedApps({ user_id }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status_code).toBe(200);
  });

  it('sends a hostile user_id percent-encoded: the emulator sees one path segment', async () => {
    await emulator.control.clearRequests();
    const error = await rejectionOf(client().users.revoke({ user_id: '../../x?y#z', connected_app_id }));
    expect(isStytchApiError(error) && ['invalid_user_id', 'user_not_found'].includes(error.error_type)).toBe(
      true,
    );
    const { requests } = await emulator.control.getRequests();
    expect(requests.map((r) => r.path)).toEqual([
      `/v1/users/..%2F..%2Fx%3Fy%23z/connected_apps/${connected_app_id}/revoke`,
    ]);
  });
});
