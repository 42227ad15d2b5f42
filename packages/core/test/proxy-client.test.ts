import { describe, expect, it } from 'vitest';
import {
  createProxyClient,
  createRevocationHistoryClient,
  InvalidResponseError,
  StytchApiError,
  type Transport,
} from '../src/index.ts';
import { APP_ID, rejectionOf, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchOk } from './helpers/test-server.ts';

describeEachTransport('proxy client', (t) => {
  it('sends the session JWT as a bearer token, read fresh on every call, plus the extra headers', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    let jwt: string | null = 'jwt-one';
    const client = createProxyClient({
      baseUrl: `${server.url}/api`,
      sessionJwt: () => jwt,
      headers: { 'X-CSRF-Token': 'csrf-123' },
      transport: t.transport,
    });
    await client.users.connectedApps({ user_id: USER_ID });
    jwt = null;
    await client.users.revoke({ user_id: USER_ID, connected_app_id: APP_ID });
    const [list, revoke] = server.requests;
    expect(list?.path).toBe(`/api/v1/users/${USER_ID}/connected_apps`);
    expect(list?.headers.authorization).toBe('Bearer jwt-one');
    expect(list?.headers['x-csrf-token']).toBe('csrf-123');
    expect(revoke?.path).toBe(`/api/v1/users/${USER_ID}/connected_apps/${APP_ID}/revoke`);
    expect(revoke?.headers.authorization).toBeUndefined();
    expect(revoke?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it("passes the proxy's own Stytch-shaped errors through as StytchApiError", async () => {
    const body = {
      status_code: 403,
      request_id: 'proxy-req-1',
      error_type: 'user_forbidden',
      error_message: 'You may only act on your own user.',
      error_url: 'https://example.com/proxy/errors#user_forbidden',
    };
    const server = await t.serve((_req, res) => sendJson(res, 403, body));
    const client = createProxyClient({ baseUrl: server.url, transport: t.transport });
    const error = await rejectionOf(client.users.revoke({ user_id: USER_ID, connected_app_id: APP_ID }));
    expect(error).toBeInstanceOf(StytchApiError);
    expect((error as StytchApiError).toJSON()).toEqual(body);
  });

  it('reads the revocation history with limit and cursor in the query, the user id encoded in the path', async () => {
    const page = { revocations: [], next_cursor: 'MTcwMDAwMDAwMDAwMDox' };
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk(page)));
    const history = createRevocationHistoryClient({
      baseUrl: `${server.url}/api`,
      sessionJwt: 'jwt-one',
      transport: t.transport,
    });
    expect(await history.users.revocations({ user_id: USER_ID })).toMatchObject(page);
    await history.users.revocations({ user_id: 'user test ü', limit: 5, cursor: 'a+b/c=' });
    const [first, second] = server.requests;
    expect(first?.path).toBe(`/api/v1/users/${USER_ID}/connected_apps/revocations`);
    expect(first?.headers.authorization).toBe('Bearer jwt-one');
    expect(second?.path).toBe(
      '/api/v1/users/user%20test%20%C3%BC/connected_apps/revocations?limit=5&cursor=a%2Bb%2Fc%3D',
    );
  });

  it('refuses a history answer without its list or cursor as an invalid response', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk({ revocations: [] })));
    const history = createRevocationHistoryClient({ baseUrl: server.url, transport: t.transport });
    expect(await rejectionOf(history.users.revocations({ user_id: USER_ID }))).toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe('proxy client transport request', () => {
  it("asks the transport for credentials 'include' by default, or the mode given", async () => {
    const seen: Array<RequestCredentials | undefined> = [];
    const transport: Transport = {
      send: async (request) => {
        seen.push(request.credentials);
        return { status: 200, headers: {}, body: JSON.stringify(stytchOk({ connected_apps: [] })) };
      },
    };
    await createProxyClient({ baseUrl: '/api', transport }).users.connectedApps({ user_id: USER_ID });
    await createProxyClient({ baseUrl: '/api', transport, credentials: 'same-origin' }).users.connectedApps({
      user_id: USER_ID,
    });
    expect(seen).toEqual(['include', 'same-origin']);
  });
});
