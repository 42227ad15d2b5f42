import { expect, it } from 'vitest';
import { APP_ID, PROJECT_ID, SECRET, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchOk } from './helpers/test-server.ts';

const APPS = [
  {
    connected_app_id: APP_ID,
    name: 'Acme Notes',
    description: 'Takes notes for you',
    client_type: 'third_party',
    logo_url: null,
    scopes_granted: 'openid email profile',
  },
];

describeEachTransport('requests', (t) => {
  it('revokes with POST, Basic auth, a JSON {} body and the encoded path', async () => {
    const ok = stytchOk();
    const server = await t.serve((_req, res) => sendJson(res, 200, ok));
    const result = await stytchClient(server.url, t.transport).users.revoke({
      user_id: USER_ID,
      connected_app_id: APP_ID,
    });
    expect(result).toEqual(ok);
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.path).toBe(`/v1/users/${USER_ID}/connected_apps/${APP_ID}/revoke`);
    expect(seen?.body).toBe('{}');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.accept).toBe('application/json');
    const expected = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`, 'utf8').toString('base64')}`;
    expect(seen?.headers.authorization).toBe(expected);
  });

  it('lists connected apps with GET and no body', async () => {
    const ok = stytchOk({ connected_apps: APPS });
    const server = await t.serve((_req, res) => sendJson(res, 200, ok));
    const result = await stytchClient(server.url, t.transport).users.connectedApps({ user_id: USER_ID });
    expect(result.connected_apps).toEqual(APPS);
    expect(result.request_id).toBe(ok.request_id);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.path).toBe(`/v1/users/${USER_ID}/connected_apps`);
    expect(server.requests[0]?.body).toBe('');
  });

  it('keeps a base URL path and ignores its trailing slash', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    await stytchClient(`${server.url}/stytch/`, t.transport).users.connectedApps({ user_id: USER_ID });
    expect(server.requests[0]?.path).toBe(`/stytch/v1/users/${USER_ID}/connected_apps`);
  });

  it('sends per-call headers, which override the client headers case-insensitively', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    await stytchClient(server.url, t.transport).users.connectedApps(
      { user_id: USER_ID },
      { headers: { 'X-Trace-Id': 'trace-1', Accept: 'application/json; charset=utf-8' } },
    );
    expect(server.requests[0]?.headers['x-trace-id']).toBe('trace-1');
    expect(server.requests[0]?.headers.accept).toBe('application/json; charset=utf-8');
  });
});
