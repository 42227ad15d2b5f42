import { describe, expect, it } from 'vitest';
import {
  createProxyClient,
  createStytchClient,
  isConnectedAppsError,
  isInvalidResponseError,
  isNetworkError,
} from '../src/index.ts';
import { APP_ID, PROJECT_ID, rejectionOf, SECRET, stytchClient, USER_ID } from './helpers/clients.ts';
import { expectNoSecret } from './helpers/expect-no-secret.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { type Handler, sendJson, stytchError } from './helpers/test-server.ts';

const REVOKE = { user_id: USER_ID, connected_app_id: APP_ID };
const BASIC_TOKEN = Buffer.from(`${PROJECT_ID}:${SECRET}`, 'utf8').toString('base64');
const SESSION_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLXRlc3QtMSJ9.c2lnbmF0dXJlLXZlcnktc2VjcmV0';
const SECRETS = [SECRET, BASIC_TOKEN];

describeEachTransport('no secret in any error', (t) => {
  const failWith = async (handler: Handler, timeout = 5000) => {
    const server = await t.serve(handler);
    return rejectionOf(stytchClient(server.url, t.transport, { retry: false, timeout }).users.revoke(REVOKE));
  };

  it('in a NetworkError whose cause is the transport error (which carried the request)', async () => {
    const error = await failWith((req) => req.socket.destroy());
    expect(isNetworkError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectNoSecret(error, SECRETS);
  });

  it('in a TimeoutError and an AbortError', async () => {
    expectNoSecret(await failWith(() => undefined, 100), SECRETS);
    const server = await t.serve(() => undefined);
    const signal = AbortSignal.timeout(100);
    const client = stytchClient(server.url, t.transport);
    expectNoSecret(await rejectionOf(client.users.revoke(REVOKE, { signal })), SECRETS);
  });

  it('in a StytchApiError (401) even when the server echoes the credentials back', async () => {
    const error = await failWith((req, res) =>
      sendJson(res, 401, {
        ...stytchError(401, 'unauthorized_credentials', `Bad credentials: ${req.headers.authorization}`),
        error_details: { secret_seen: SECRET },
      }),
    );
    expect(isConnectedAppsError(error) && error.status_code).toBe(401);
    expect((error as Error).message).toContain('Basic [REDACTED]');
    expectNoSecret(error, SECRETS);
  });

  it('in an InvalidResponseError whose HTML body echoes the Authorization header', async () => {
    const error = await failWith((req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<html><pre>${req.headers.authorization} ${SECRET}</pre></html>`);
    });
    expect(isInvalidResponseError(error)).toBe(true);
    expectNoSecret(error, SECRETS);
  });

  it('in a proxy client error: the session JWT is redacted like the secret', async () => {
    const server = await t.serve((req) => req.socket.destroy());
    const client = createProxyClient({
      baseUrl: server.url,
      sessionJwt: () => SESSION_JWT,
      transport: t.transport,
      retry: false,
    });
    const error = await rejectionOf(client.users.revoke(REVOKE));
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SESSION_JWT}`);
    expectNoSecret(error, [SESSION_JWT]);
  });
});

describe('no secret in construction errors', () => {
  it('rejects a bad baseUrl without echoing the secret', () => {
    let thrown: unknown;
    try {
      createStytchClient({ project_id: PROJECT_ID, secret: SECRET, baseUrl: `ftp://${SECRET}` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'InvalidRequestError', error_details: { field: 'baseUrl' } });
    expectNoSecret(thrown, SECRETS);
  });
});
