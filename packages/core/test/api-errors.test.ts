import { expect, it } from 'vitest';
import {
  ConnectedAppsError,
  InvalidResponseError,
  isConnectedAppsError,
  isInvalidResponseError,
  isStytchApiError,
  StytchApiError,
} from '../src/index.ts';
import { APP_ID, rejectionOf, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError } from './helpers/test-server.ts';

const SEED_401 = {
  status_code: 401,
  request_id: 'request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141',
  error_type: 'unauthorized_credentials',
  error_message: 'Unauthorized credentials.',
  error_url: 'https://stytch.com/docs/api/errors/401',
};

const STYTCH_ERRORS = [
  stytchError(400, 'invalid_user_id', 'user_id format is invalid.'),
  stytchError(400, 'bad_request', 'Bad request.'),
  SEED_401,
  stytchError(404, 'user_not_found', 'User could not be found.'),
  stytchError(404, 'connected_app_not_found', 'Connected app not found.'),
  stytchError(429, 'too_many_requests', 'Too many requests have been made.'),
  stytchError(
    500,
    'internal_server_error',
    'Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.',
  ),
];

describeEachTransport('error responses', (t) => {
  const revokeAgainst = async (status: number, body: string, contentType = 'application/json') => {
    const server = await t.serve((_req, res) => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    });
    const client = stytchClient(server.url, t.transport, { retry: false });
    return rejectionOf(client.users.revoke({ user_id: USER_ID, connected_app_id: APP_ID }));
  };

  it.each(STYTCH_ERRORS.map((body) => [body.error_type, body.status_code, body] as const))(
    'rejects %s (%i) with a StytchApiError carrying every field as received',
    async (_type, status, body) => {
      const error = await revokeAgainst(status, JSON.stringify(body));
      expect(error).toBeInstanceOf(StytchApiError);
      expect(error).toBeInstanceOf(ConnectedAppsError);
      expect(isStytchApiError(error) && isConnectedAppsError(error)).toBe(true);
      const apiError = error as StytchApiError;
      expect(apiError.toJSON()).toEqual(body);
      expect(apiError.retryable).toBe([429, 500].includes(status));
      expect(apiError.message).toBe(
        `${body.error_type} (${status}): ${body.error_message} [request_id: ${body.request_id}]`,
      );
      expect(apiError.name).toBe('StytchApiError');
    },
  );

  it('keeps error_details and the Retry-After delay', async () => {
    const body = { ...stytchError(429, 'too_many_requests', 'Slow down.'), error_details: { limit: 10 } };
    const server = await t.serve((_req, res) => sendJson(res, 429, body, { 'retry-after': '7' }));
    const client = stytchClient(server.url, t.transport, { retry: false });
    const error = (await rejectionOf(client.users.connectedApps({ user_id: USER_ID }))) as StytchApiError;
    expect(error.error_details).toEqual({ limit: 10 });
    expect(error.toJSON().error_details).toEqual({ limit: 10 });
    expect(error.retryAfter).toBe(7000);
  });

  it('normalizes an OAuth2-shaped error body into the Stytch shape', async () => {
    const error = await revokeAgainst(
      401,
      JSON.stringify({
        error: 'invalid_token',
        error_description: 'The access token expired',
        error_uri: 'https://example.com/docs/invalid_token',
      }),
    );
    expect(isStytchApiError(error)).toBe(true);
    expect((error as StytchApiError).toJSON()).toEqual({
      status_code: 401,
      request_id: expect.stringMatching(/^local-[0-9a-f-]{36}$/),
      error_type: 'invalid_token',
      error_message: 'The access token expired',
      error_url: 'https://example.com/docs/invalid_token',
    });
  });

  it('rejects a gateway HTML 502 with an InvalidResponseError that keeps the status', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    const error = await revokeAgainst(502, html, 'text/html');
    expect(error).toBeInstanceOf(InvalidResponseError);
    const invalid = error as InvalidResponseError;
    expect(invalid.status_code).toBe(502);
    expect(invalid.error_type).toBe('invalid_response');
    expect(invalid.retryable).toBe(true);
    expect(invalid.error_details).toEqual({ content_type: 'text/html', body_snippet: html });
    expect(invalid.message).toMatch(
      /^invalid_response \(502\): The response \(HTTP 502, text\/html\) is not JSON\./,
    );
  });

  it('rejects a non-JSON success body with an InvalidResponseError (not retryable)', async () => {
    const error = await revokeAgainst(200, 'OK', 'text/plain');
    expect(isInvalidResponseError(error)).toBe(true);
    expect((error as InvalidResponseError).status_code).toBe(200);
    expect((error as InvalidResponseError).retryable).toBe(false);
  });

  it('rejects an empty error body and a truncated JSON body with an InvalidResponseError', async () => {
    expect(await revokeAgainst(500, '')).toBeInstanceOf(InvalidResponseError);
    expect(await revokeAgainst(500, '{"status_code":500,"error_ty')).toBeInstanceOf(InvalidResponseError);
  });

  it('rejects JSON of the wrong shape with an InvalidResponseError that keeps its request_id', async () => {
    const server = await t.serve((_req, res) =>
      sendJson(res, 200, {
        request_id: 'request-id-test-x',
        status_code: 200,
        connected_apps: [{ name: 1 }],
      }),
    );
    const client = stytchClient(server.url, t.transport, { retry: false });
    const error = await rejectionOf(client.users.connectedApps({ user_id: USER_ID }));
    expect(isInvalidResponseError(error)).toBe(true);
    expect((error as InvalidResponseError).request_id).toBe('request-id-test-x');
    expect((error as InvalidResponseError).error_message).toContain('does not have the expected shape');
  });

  it('rejects an error status with JSON that is neither Stytch nor OAuth2 as an invalid response', async () => {
    const error = await revokeAgainst(404, JSON.stringify({ message: 'Not Found' }));
    expect(isInvalidResponseError(error)).toBe(true);
    expect((error as InvalidResponseError).status_code).toBe(404);
  });
});
