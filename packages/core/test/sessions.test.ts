import { expect, it } from 'vitest';
import {
  InvalidRequestError,
  InvalidResponseError,
  isTimeoutError,
  type SessionsAuthenticateRequest,
  StytchApiError,
  type StytchClient,
  type StytchErrorType,
  stytchErrorBody,
} from '../src/index.ts';
import { PROJECT_ID, rejectionOf, SECRET, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError, stytchOk } from './helpers/test-server.ts';

const SESSION_TOKEN = 'mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q';
const SESSION_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLXRlc3QtMSJ9.c2lnbmF0dXJl';
const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`, 'utf8').toString('base64')}`;

const SESSION = {
  session_id: 'session-test-fe6c042b-6286-479f-8a4f-b046a6c46509',
  user_id: USER_ID,
  expires_at: '2030-01-01T00:00:00Z',
  roles: ['stytch_member'],
  attributes: { ip_address: '127.0.0.1' },
};

const authenticated = (session: Record<string, unknown> = SESSION) =>
  stytchOk({ session, session_token: SESSION_TOKEN, session_jwt: SESSION_JWT });

const jwks = () =>
  stytchOk({ keys: [{ kty: 'RSA', kid: 'jwk-test-1', alg: 'RS256', use: 'sig', n: 'q1w2', e: 'AQAB' }] });

describeEachTransport('sessions.authenticate', (t) => {
  it('POSTs only the session token, with Basic auth, and resolves with the session', async () => {
    const body = authenticated();
    const server = await t.serve((_req, res) => sendJson(res, 200, body));
    // A caller's object may carry more; only the credential may reach Stytch.
    const request = {
      session_token: SESSION_TOKEN,
      session_duration_minutes: 60,
    } as SessionsAuthenticateRequest;
    await expect(stytchClient(server.url, t.transport).sessions.authenticate(request)).resolves.toEqual(body);
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.path).toBe('/v1/sessions/authenticate');
    expect(seen?.body).toBe(JSON.stringify({ session_token: SESSION_TOKEN }));
    expect(seen?.headers.authorization).toBe(BASIC);
    expect(seen?.headers['content-type']).toBe('application/json');
  });

  it('POSTs only the session JWT when given one', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, authenticated()));
    const { session } = await stytchClient(server.url, t.transport).sessions.authenticate({
      session_jwt: SESSION_JWT,
    });
    expect(session.user_id).toBe(USER_ID);
    expect(server.requests[0]?.body).toBe(JSON.stringify({ session_jwt: SESSION_JWT }));
  });

  it.each([
    ['no session', stytchOk({ session_token: SESSION_TOKEN, session_jwt: SESSION_JWT })],
    ['roles not a list', authenticated({ ...SESSION, roles: 'stytch_member' })],
    ['expires_at not a date', authenticated({ ...SESSION, expires_at: 'soon' })],
  ])('rejects a 200 with %s as an InvalidResponseError (not retried)', async (_label, body) => {
    const server = await t.serve((_req, res) => sendJson(res, 200, body));
    const error = await rejectionOf(
      stytchClient(server.url, t.transport).sessions.authenticate({ session_token: SESSION_TOKEN }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status_code: 200, request_id: body.request_id, retryable: false });
    expect((error as InvalidResponseError).error_message).toContain('does not have the expected shape');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 503 like every other operation, sending the same credential again', async () => {
    const server = await t.serve((_req, res, _seen, index) =>
      index === 0
        ? sendJson(res, 503, stytchError(503, 'service_unavailable', 'Try again.'))
        : sendJson(res, 200, authenticated()),
    );
    await stytchClient(server.url, t.transport).sessions.authenticate({ session_token: SESSION_TOKEN });
    expect(server.requests.map((r) => r.body)).toEqual([
      JSON.stringify({ session_token: SESSION_TOKEN }),
      JSON.stringify({ session_token: SESSION_TOKEN }),
    ]);
  });

  it('times out like every other operation', async () => {
    const server = await t.serve(() => undefined); // never answers
    const error = await rejectionOf(
      stytchClient(server.url, t.transport, { timeout: 100 }).sessions.authenticate({
        session_jwt: SESSION_JWT,
      }),
    );
    expect(isTimeoutError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describeEachTransport('sessions.getJWKS', (t) => {
  it('GETs the project keys with Basic auth and no body', async () => {
    const body = jwks();
    const server = await t.serve((_req, res) => sendJson(res, 200, body));
    await expect(
      stytchClient(server.url, t.transport).sessions.getJWKS({ project_id: PROJECT_ID }),
    ).resolves.toEqual(body);
    const [seen] = server.requests;
    expect(seen?.method).toBe('GET');
    expect(seen?.path).toBe(`/v1/sessions/jwks/${PROJECT_ID}`);
    expect(seen?.body).toBe('');
    expect(seen?.headers.authorization).toBe(BASIC);
  });

  it.each([
    ['no keys', stytchOk()],
    ['a key without kty', stytchOk({ keys: [{ kid: 'jwk-test-1' }] })],
  ])('rejects a 200 with %s as an InvalidResponseError', async (_label, body) => {
    const server = await t.serve((_req, res) => sendJson(res, 200, body));
    const error = await rejectionOf(
      stytchClient(server.url, t.transport).sessions.getJWKS({ project_id: PROJECT_ID }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status_code: 200, request_id: body.request_id });
  });

  it('retries a connection reset, then resolves', async () => {
    const server = await t.serve((req, res, _seen, index) =>
      index === 0 ? req.socket.destroy() : sendJson(res, 200, jwks()),
    );
    const { keys } = await stytchClient(server.url, t.transport).sessions.getJWKS({ project_id: PROJECT_ID });
    expect(keys.map((key) => key.kid)).toEqual(['jwk-test-1']);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a project_id that breaks the path rule before any I/O', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, jwks()));
    const error = await rejectionOf(
      stytchClient(server.url, t.transport).sessions.getJWKS({ project_id: '../users' }),
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).error_details).toEqual({ field: 'project_id' });
    expect(server.requests).toHaveLength(0);
  });
});

describeEachTransport('sessions errors', (t) => {
  const calls: Array<[string, StytchErrorType, (client: StytchClient) => Promise<unknown>]> = [
    [
      'authenticate',
      'session_not_found',
      (client) => client.sessions.authenticate({ session_token: SESSION_TOKEN }),
    ],
    ['getJWKS', 'project_not_found', (client) => client.sessions.getJWKS({ project_id: PROJECT_ID })],
  ];

  it.each(calls)(
    "%s passes Stytch's 404 %s through as a typed StytchApiError, not retried",
    async (_name, type, call) => {
      const body = stytchErrorBody(type, `request-id-test-${crypto.randomUUID()}`);
      const server = await t.serve((_req, res) => sendJson(res, 404, body));
      const error = await rejectionOf(call(stytchClient(server.url, t.transport)));
      expect(error).toBeInstanceOf(StytchApiError);
      expect((error as StytchApiError).toJSON()).toEqual(body);
      expect(error).toMatchObject({ retryable: false });
      expect(server.requests).toHaveLength(1);
    },
  );
});
