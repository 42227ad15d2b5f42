import { describe, expect, it } from 'vitest';
import { exactError, listPath, revokePath, seedGrant, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();

describe('GET /v1/users/{user_id}/connected_apps', () => {
  it('lists the granted apps in Stytch’s shape, scopes as one space-separated string', async () => {
    const { user, app } = await seedGrant(emulator, { scopes: ['openid', 'email', 'profile'] });
    const response = await stytch(emulator, 'GET', listPath(user.user_id));
    expect(response.status).toBe(200);
    expect(response.json.request_id).toMatch(TEST_REQUEST_ID);
    expect(response.text).toBe(
      JSON.stringify({
        request_id: response.json.request_id,
        status_code: 200,
        connected_apps: [
          {
            connected_app_id: app.connected_app_id,
            name: 'Calendar Sync',
            description: 'Syncs calendars.',
            client_type: 'third_party',
            logo_url: null,
            scopes_granted: 'openid email profile',
          },
        ],
      }),
    );
  });

  it('keeps grant order, merges re-granted scopes, and drops revoked apps', async () => {
    const { user, app } = await seedGrant(emulator, { scopes: ['openid'] });
    const second = await emulator.control.createConnectedApp({
      name: 'Deploy Bot',
      client_type: 'first_party_public',
      logo_url: 'data:image/svg+xml;base64,PHN2Zy8+',
    });
    await emulator.control.createGrant({
      user_id: user.user_id,
      connected_app_id: second.connected_app_id,
      scopes: 'openid email',
    });
    await emulator.control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['email'],
    });

    const before = await stytch(emulator, 'GET', listPath(user.user_id));
    expect(before.json.connected_apps).toEqual([
      expect.objectContaining({ connected_app_id: app.connected_app_id, scopes_granted: 'openid email' }),
      expect.objectContaining({
        connected_app_id: second.connected_app_id,
        client_type: 'first_party_public',
        logo_url: 'data:image/svg+xml;base64,PHN2Zy8+',
        scopes_granted: 'openid email',
      }),
    ]);

    await stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), { body: '{}' });
    const after = await stytch(emulator, 'GET', listPath(user.user_id));
    expect(
      (after.json.connected_apps as { connected_app_id: string }[]).map((a) => a.connected_app_id),
    ).toEqual([second.connected_app_id]);
  });

  it('answers an empty list for a user without grants', async () => {
    const user = await emulator.control.createUser({ name: 'Nobody' });
    const response = await stytch(emulator, 'GET', listPath(user.user_id));
    expect(response.status).toBe(200);
    expect(response.json.connected_apps).toEqual([]);
  });

  it('accepts the external_id in place of the user_id', async () => {
    const { app } = await seedGrant(emulator, { external_id: 'crm|42' });
    const response = await stytch(emulator, 'GET', listPath('crm|42'));
    expect(response.status).toBe(200);
    expect(response.json.connected_apps).toEqual([
      expect.objectContaining({ connected_app_id: app.connected_app_id }),
    ]);
  });

  it('answers 404 user_not_found for an unknown user', async () => {
    const response = await stytch(
      emulator,
      'GET',
      listPath('user-test-00000000-0000-4000-8000-00000000dead'),
    );
    expect(response.status).toBe(404);
    expect(response.text).toBe(exactError(response.json, 404, 'user_not_found', 'User could not be found.'));
  });

  it('answers 400 invalid_user_id for a malformed user id', async () => {
    const response = await stytch(emulator, 'GET', listPath('a?b#c'));
    expect(response.status).toBe(400);
    expect(response.json.error_type).toBe('invalid_user_id');
  });
});
