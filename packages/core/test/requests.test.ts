import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../src/index.ts';
import { APP_ID, PROJECT_ID, SECRET, stytchClient, USER_ID } from './helpers/clients.ts';
import { sendJson, startTestServer, stytchOk, type TestServer } from './helpers/test-server.ts';
import { transports } from './helpers/transports.ts';

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

describe.each(transports)('requests over the %s transport', (_name, createTransport) => {
  let transport: Transport;
  let server: TestServer | undefined;
  beforeAll(() => {
    transport = createTransport();
  });
  afterAll(() => transport.close?.());
  afterEach(() => server?.close());

  it('revokes with POST, Basic auth, a JSON {} body and the encoded path', async () => {
    const ok = stytchOk();
    server = await startTestServer((_req, res) => sendJson(res, 200, ok));
    const result = await stytchClient(server.url, transport).users.revoke({
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
    server = await startTestServer((_req, res) => sendJson(res, 200, ok));
    const result = await stytchClient(server.url, transport).users.connectedApps({ user_id: USER_ID });
    expect(result.connected_apps).toEqual(APPS);
    expect(result.request_id).toBe(ok.request_id);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.path).toBe(`/v1/users/${USER_ID}/connected_apps`);
    expect(server.requests[0]?.body).toBe('');
  });

  it('keeps a base URL path and ignores its trailing slash', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    await stytchClient(`${server.url}/stytch/`, transport).users.connectedApps({ user_id: USER_ID });
    expect(server.requests[0]?.path).toBe(`/stytch/v1/users/${USER_ID}/connected_apps`);
  });

  it('sends per-call headers, which override the client headers case-insensitively', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    await stytchClient(server.url, transport).users.connectedApps(
      { user_id: USER_ID },
      { headers: { 'X-Trace-Id': 'trace-1', Accept: 'application/json; charset=utf-8' } },
    );
    expect(server.requests[0]?.headers['x-trace-id']).toBe('trace-1');
    expect(server.requests[0]?.headers.accept).toBe('application/json; charset=utf-8');
  });
});
