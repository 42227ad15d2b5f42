import { describe, expect, it } from 'vitest';
import { start } from '../src/index.ts';
import { exactError, revokePath, seedGrant, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();

describe('POST /v1/users/{user_id}/connected_apps/{connected_app_id}/revoke', () => {
  it('answers exactly {"request_id","status_code":200} with a fresh test request id', async () => {
    const { user, app } = await seedGrant(emulator);
    const first = await stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), {
      body: '{}',
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.json.request_id).toMatch(TEST_REQUEST_ID);
    expect(first.text).toBe(JSON.stringify({ request_id: first.json.request_id, status_code: 200 }));
    const second = await stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), {
      body: '{}',
    });
    expect(second.json.request_id).not.toBe(first.json.request_id);
  });

  it('removes the grant and revokes every token it issued', async () => {
    const { user, app, grant } = await seedGrant(emulator);
    expect(grant.tokens.map((t) => t.type)).toEqual(['access', 'refresh']);
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(true);

    await stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), { body: '{}' });

    const after = await emulator.control.getTokens(user.user_id, app.connected_app_id);
    expect(after.grant_active).toBe(false);
    expect(after.tokens.map((t) => t.token_id)).toEqual(grant.tokens.map((t) => t.token_id));
    for (const token of after.tokens) {
      expect(token.revoked).toBe(true);
      expect(token.revoked_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('accepts the external_id in place of the user_id', async () => {
    const { user, app } = await seedGrant(emulator, { external_id: 'ada-lovelace' });
    const response = await stytch(emulator, 'POST', revokePath('ada-lovelace', app.connected_app_id), {
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(false);
  });

  it('answers 200 again for a repeated revoke, leaving the tokens revoked once', async () => {
    const { user, app } = await seedGrant(emulator);
    const path = revokePath(user.user_id, app.connected_app_id);
    await stytch(emulator, 'POST', path, { body: '{}' });
    const revokedAt = (await emulator.control.getTokens(user.user_id, app.connected_app_id)).tokens[0]
      ?.revoked_at;
    const again = await stytch(emulator, 'POST', path, { body: '{}' });
    expect(again.status).toBe(200);
    expect(again.text).toBe(JSON.stringify({ request_id: again.json.request_id, status_code: 200 }));
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).tokens[0]?.revoked_at).toBe(
      revokedAt,
    );
  });

  it('answers 200 for an app the user never granted', async () => {
    const { user } = await seedGrant(emulator);
    const other = await emulator.control.createConnectedApp({ name: 'Never granted' });
    const response = await stytch(emulator, 'POST', revokePath(user.user_id, other.connected_app_id), {
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('accepts an empty body, as Stytch’s own curl sample sends one', async () => {
    const { user, app } = await seedGrant(emulator);
    const response = await fetch(`${emulator.url}${revokePath(user.user_id, app.connected_app_id)}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${emulator.projectId}:${emulator.secret}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(200);
  });

  it('answers 404 user_not_found for an unknown user', async () => {
    const { app } = await seedGrant(emulator);
    const path = revokePath('user-test-00000000-0000-4000-8000-00000000dead', app.connected_app_id);
    const response = await stytch(emulator, 'POST', path, { body: '{}' });
    expect(response.status).toBe(404);
    expect(response.text).toBe(exactError(response.json, 404, 'user_not_found', 'User could not be found.'));
  });

  it('answers 404 connected_app_not_found for an unknown app', async () => {
    const { user } = await seedGrant(emulator);
    const path = revokePath(user.user_id, 'connected-app-test-00000000-0000-4000-8000-00000000dead');
    const response = await stytch(emulator, 'POST', path, { body: '{}' });
    expect(response.status).toBe(404);
    expect(response.text).toBe(
      exactError(
        response.json,
        404,
        'connected_app_not_found',
        'The Connected App requested could not be found.',
      ),
    );
  });

  it('answers 400 invalid_user_id for a user id no user can have', async () => {
    const { app } = await seedGrant(emulator);
    for (const userId of ['a/b', 'x'.repeat(129), 'name with spaces', '../../x']) {
      const response = await stytch(emulator, 'POST', revokePath(userId, app.connected_app_id), {
        body: '{}',
      });
      expect(response.status, userId).toBe(400);
      expect(response.json.error_type).toBe('invalid_user_id');
      expect(Object.keys(response.json)).toEqual([
        'status_code',
        'request_id',
        'error_type',
        'error_message',
        'error_url',
      ]);
    }
  });

  it('answers 400 bad_request for a body that is not a JSON object', async () => {
    const { user, app } = await seedGrant(emulator);
    for (const body of ['not json', '[]', '"x"', 'null', '{"a":']) {
      const response = await stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), {
        body,
      });
      expect(response.status, body).toBe(400);
      expect(response.json.error_type).toBe('bad_request');
      expect(response.json.error_url).toBe('https://stytch.com/docs/api/errors/400');
    }
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(true);
  });

  it('answers 404 route_not_found for a method or path Stytch does not serve here', async () => {
    const { user, app } = await seedGrant(emulator);
    const wrongMethod = await stytch(emulator, 'GET', revokePath(user.user_id, app.connected_app_id));
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.json.error_type).toBe('route_not_found');
    const unknown = await stytch(emulator, 'GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.json.request_id).toMatch(TEST_REQUEST_ID);
  });
});

describe('a live project', () => {
  it('issues request-id-live- ids and user-live- ids', async () => {
    const live = await start({
      // A made-up live project: only the `project-live-` prefix matters here.
      projectId: 'project-live-emulator-example',
      secret: 'not-a-real-secret',
    });
    try {
      const { user, app } = await seedGrant(live);
      expect(user.user_id).toMatch(/^user-live-/);
      expect(app.connected_app_id).toMatch(/^connected-app-live-/);
      const response = await stytch(live, 'POST', revokePath(user.user_id, app.connected_app_id), {
        body: '{}',
      });
      expect(response.json.request_id).toMatch(/^request-id-live-[0-9a-f-]{36}$/);
    } finally {
      await live.stop();
    }
  });
});
