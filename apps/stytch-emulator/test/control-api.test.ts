import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createEmulatorState } from '../src/emulator-state.ts';
import { createEmulatorApp } from '../src/http/create-app.ts';
import { createControlClient, EmulatorControlError, start } from '../src/index.ts';
import { listPath, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();

describe('control API', () => {
  it('creates a user in Stytch’s User shape, with generated ids', async () => {
    const user = await emulator.control.createUser({
      external_id: 'ada',
      name: 'Ada King Lovelace',
      email: 'ada@example.com',
    });
    expect(user).toMatchObject({
      user_id: expect.stringMatching(/^user-test-[0-9a-f-]{36}$/),
      external_id: 'ada',
      name: { first_name: 'Ada', middle_name: '', last_name: 'King Lovelace' },
      emails: [{ email_id: expect.stringMatching(/^email-test-/), email: 'ada@example.com', verified: true }],
      status: 'active',
      roles: [],
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it('replaces a user by user_id and keeps its grants', async () => {
    const user = await emulator.control.createUser({ user_id: 'user-test-fixed', email: 'old@example.com' });
    const app = await emulator.control.createConnectedApp({ name: 'Notes' });
    await emulator.control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid'],
    });
    const updated = await emulator.control.createUser({
      user_id: 'user-test-fixed',
      email: 'new@example.com',
      external_id: 'n',
    });
    expect(updated.emails[0]?.email).toBe('new@example.com');
    expect((await stytch(emulator, 'GET', listPath('n'))).json.connected_apps).toHaveLength(1);
  });

  it('rejects an external_id that belongs to another user with 409', async () => {
    await emulator.control.createUser({ external_id: 'taken' });
    await expect(emulator.control.createUser({ external_id: 'taken' })).rejects.toMatchObject({
      status_code: 409,
      error_type: 'duplicate_external_id',
    });
  });

  it('validates connected apps and grants', async () => {
    await expect(emulator.control.createConnectedApp({ name: '' })).rejects.toMatchObject({
      error_type: 'bad_request',
    });
    await expect(
      emulator.control.createConnectedApp({ name: 'X', client_type: 'robot' as 'first_party' }),
    ).rejects.toMatchObject({ status_code: 400 });
    const app = await emulator.control.createConnectedApp({ name: 'X' });
    await expect(
      emulator.control.createGrant({
        user_id: 'user-test-nobody',
        connected_app_id: app.connected_app_id,
        scopes: [],
      }),
    ).rejects.toMatchObject({ status_code: 404, error_type: 'user_not_found' });
    const user = await emulator.control.createUser({});
    await expect(
      emulator.control.createGrant({
        user_id: user.user_id,
        connected_app_id: 'connected-app-test-nope',
        scopes: [],
      }),
    ).rejects.toMatchObject({ status_code: 404, error_type: 'connected_app_not_found' });
  });

  it('answers getTokens for a pair that never had a grant, and 404s for unknown ids', async () => {
    const user = await emulator.control.createUser({});
    const app = await emulator.control.createConnectedApp({ name: 'X' });
    expect(await emulator.control.getTokens(user.user_id, app.connected_app_id)).toEqual({
      tokens: [],
      grant_active: false,
    });
    await expect(emulator.control.getTokens('user-test-nobody', app.connected_app_id)).rejects.toMatchObject({
      error_type: 'user_not_found',
    });
    await expect(emulator.control.mintSession({ user_id: 'user-test-nobody' })).rejects.toMatchObject({
      error_type: 'user_not_found',
    });
  });

  it('loads fixtures on top of the current data, and reset replaces everything', async () => {
    const kept = await emulator.control.createUser({});
    const summary = await emulator.control.loadFixtures({
      users: [{ user_id: 'user-test-f1', name: 'Fix Ture' }],
      connected_apps: [{ connected_app_id: 'connected-app-test-f1', name: 'Fixture App' }],
      grants: [
        { user_id: 'user-test-f1', connected_app_id: 'connected-app-test-f1', scopes: 'openid email' },
      ],
    });
    expect(summary).toEqual({
      users: 2,
      connected_apps: 1,
      grants: 1,
      organizations: 0,
      members: 0,
      member_grants: 0,
    });
    expect((await stytch(emulator, 'GET', listPath(kept.user_id))).status).toBe(200);

    expect(await emulator.control.reset({ users: [{ user_id: 'user-test-only' }] })).toEqual({
      users: 1,
      connected_apps: 0,
      grants: 0,
      organizations: 0,
      members: 0,
      member_grants: 0,
    });
    expect((await stytch(emulator, 'GET', listPath(kept.user_id))).status).toBe(404);
  });

  it('rejects a bad fixture document as a whole, naming the bad entry', async () => {
    const error = await emulator.control
      .loadFixtures({
        users: [{ user_id: 'user-test-ok' }],
        grants: [{ user_id: 'user-test-ok', connected_app_id: 'connected-app-test-missing', scopes: [] }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status_code: 404,
      error_message: expect.stringContaining('fixtures.grants[0]'),
    });
    expect((await stytch(emulator, 'GET', listPath('user-test-ok'))).status).toBe(404);
  });

  it('answers a non-JSON body and unknown routes with Stytch-shaped errors', async () => {
    const bad = await fetch(`${emulator.url}/_emulator/users`, { method: 'POST', body: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error_type: 'bad_request',
      request_id: expect.stringMatching(TEST_REQUEST_ID),
    });
    const missing = await fetch(`${emulator.url}/_emulator/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error_type: 'route_not_found' });
  });

  it('reports an unreachable emulator as a network_error', async () => {
    const stopped = await start();
    await stopped.stop();
    const error = await createControlClient(stopped.url)
      .reset()
      .catch((e: unknown) => e);
    expect(EmulatorControlError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status_code: 0,
      error_type: 'network_error',
      request_id: expect.stringMatching(/^local-/),
    });
  });
});

describe('control API access', () => {
  const externalAddress = Object.values(networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;

  it('answers 403 to a client whose address is not loopback', async () => {
    const state = await createEmulatorState({ projectId: emulator.projectId, secret: emulator.secret });
    const app = createEmulatorApp(state);
    const asRemote = { incoming: { socket: { remoteAddress: '192.0.2.10' } } };
    const response = await app.request('/_emulator/requests', {}, asRemote as never);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status_code: 403, error_type: 'control_api_forbidden' });
    const asLocal = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } };
    expect((await app.request('/_emulator/requests', {}, asLocal as never)).status).toBe(200);
  });

  // Real sockets need an address of this machine that is not loopback; CI machines have one.
  if (externalAddress) {
    it('refuses the control API over a non-loopback interface unless controlFromAnyAddress is set', async () => {
      const guarded = await start({ host: '0.0.0.0' });
      const open = await start({ host: '0.0.0.0', controlFromAnyAddress: true });
      try {
        const remoteUrl = (url: string) => url.replace('127.0.0.1', externalAddress);
        const refused = await fetch(`${remoteUrl(guarded.url)}/_emulator/requests`);
        expect(refused.status).toBe(403);
        expect((await fetch(`${guarded.url}/_emulator/requests`)).status).toBe(200);
        expect((await fetch(`${remoteUrl(open.url)}/_emulator/requests`)).status).toBe(200);
        // The Stytch API itself stays reachable over the network.
        const user = await guarded.control.createUser({});
        const api = await fetch(`${remoteUrl(guarded.url)}${listPath(user.user_id)}`, {
          headers: {
            authorization: `Basic ${Buffer.from(`${guarded.projectId}:${guarded.secret}`).toString('base64')}`,
          },
        });
        expect(api.status).toBe(200);
      } finally {
        await guarded.stop();
        await open.stop();
      }
    });
  }
});
