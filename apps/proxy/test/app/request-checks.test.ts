import { ALLOWED_ORIGIN, bearer } from '@connected-apps/testkit';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, createHarness, listPath, revokePath } from '../helpers/app-harness.ts';
import { type JwksServer, startJwksServer } from '../helpers/signing-keys.ts';

let jwks: JwksServer;
let harness: ReturnType<typeof createHarness>;
let jwt: string;

beforeAll(async () => {
  jwks = await startJwksServer();
  harness = createHarness(jwks);
  jwt = await harness.jwtFor({ sub: ALICE });
});
beforeEach(() => jwks.clearRequests());
afterAll(async () => {
  await harness.proxy.close();
  await jwks.stop();
});

async function errorType(response: Response): Promise<string> {
  return ((await response.json()) as { error_type: string }).error_type;
}

describe('path parameters', () => {
  const bad: [string, string, string][] = [
    ['a user_id with a control character', '/api/v1/users/user%0Atest/connected_apps', 'invalid_user_id'],
    ['a user_id with an encoded slash', '/api/v1/users/a%2Fb/connected_apps', 'invalid_user_id'],
    ['a user_id with an encoded backslash', '/api/v1/users/a%5Cb/connected_apps', 'invalid_user_id'],
    ['a double-encoded user_id', '/api/v1/users/a%252Fb/connected_apps', 'invalid_user_id'],
    ['an over-long user_id', `/api/v1/users/${'u'.repeat(129)}/connected_apps`, 'invalid_user_id'],
    ['an empty user_id', '/api/v1/users//connected_apps', 'invalid_user_id'],
    ['a malformed percent-encoding', '/api/v1/users/a%E0%A4b/connected_apps', 'invalid_user_id'],
    [
      'a connected_app_id with an encoded slash',
      `/api/v1/users/${ALICE}/connected_apps/app%2F..%2Fx/revoke`,
      'invalid_connected_app_id',
    ],
    [
      'a connected_app_id with an encoded ?',
      `/api/v1/users/${ALICE}/connected_apps/app%3Fx/revoke`,
      'invalid_connected_app_id',
    ],
  ];
  for (const [name, path, type] of bad) {
    it(`answers 400 ${type} for ${name}, before looking at the session`, async () => {
      const response = await harness.request(path, { method: path.endsWith('/revoke') ? 'POST' : 'GET' });
      expect(response.status).toBe(400);
      expect(await errorType(response)).toBe(type);
      expect(jwks.otherRequests()).toEqual([]);
    });
  }
});

describe('routes and methods', () => {
  it('serves the same answers mounted in another Hono app under the base path', async () => {
    const parent = new Hono();
    parent.get('/', (c) => c.text('the host app'));
    parent.route('/api', harness.proxy.app);
    expect(await (await parent.request('/')).text()).toBe('the host app');
    const response = await parent.request(listPath(ALICE), { headers: bearer('not.a.jwt') });
    expect(response.status).toBe(401);
    expect(await errorType(response)).toBe('session_invalid');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 route_not_found in the Stytch envelope', async () => {
    const response = await harness.request('/api/v1/sessions/authenticate', { method: 'POST' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'error_message',
      'error_type',
      'error_url',
      'request_id',
      'status_code',
    ]);
    expect(body.error_type).toBe('route_not_found');
  });

  it('answers 405 method_not_allowed with Allow for GET on revoke', async () => {
    const response = await harness.request(revokePath(ALICE), { headers: bearer(jwt) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await errorType(response)).toBe('method_not_allowed');
  });

  it('routes an id with .. inside it (one segment, not a dot segment) to Stytch', async () => {
    const response = await harness.request(revokePath(ALICE, 'app..x'), {
      method: 'POST',
      headers: bearer(jwt),
    });
    // The JWKS test server is not Stytch: reaching it proves the id passed the path-parameter rule.
    expect(response.status).toBe(502);
    expect(jwks.otherRequests()).toEqual([`POST /v1/users/${ALICE}/connected_apps/app..x/revoke`]);
  });

  it('answers 405 for DELETE on the list route', async () => {
    const response = await harness.request(listPath(ALICE), { method: 'DELETE', headers: bearer(jwt) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('revoke body', () => {
  const post = (body: string | undefined, headers: Record<string, string> = {}) =>
    harness.request(revokePath(ALICE), { method: 'POST', body, headers: { ...bearer(jwt), ...headers } });

  it('answers 413 payload_too_large for a body over 1 KiB', async () => {
    const response = await post(JSON.stringify({ pad: 'x'.repeat(2000) }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(413);
    expect(await errorType(response)).toBe('payload_too_large');
    expect(jwks.otherRequests()).toEqual([]);
  });

  it('answers 415 unsupported_media_type for a text/plain body (a CSRF-style simple request)', async () => {
    const response = await post('{}', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await errorType(response)).toBe('unsupported_media_type');
  });

  it('answers 400 bad_request for malformed JSON and for a non-empty object', async () => {
    const malformed = await post('{', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(await errorType(malformed)).toBe('bad_request');
    const extra = await post('{"user_id":"someone-else"}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(extra.status).toBe(400);
    expect(jwks.otherRequests()).toEqual([]);
  });

  it('forwards an empty body and a {} body', async () => {
    expect((await post(undefined)).status).toBe(502);
    expect((await post('{}', { 'content-type': 'application/json' })).status).toBe(502);
    expect(jwks.otherRequests()).toHaveLength(2);
  });
});

describe('cookie-authenticated writes (CSRF)', () => {
  const cookiePost = (headers: Record<string, string>) =>
    harness.request(revokePath(ALICE), {
      method: 'POST',
      headers: { cookie: `stytch_session_jwt=${jwt}`, ...headers },
    });

  it('refuses a foreign Origin with 403 origin_forbidden', async () => {
    const response = await cookiePost({ origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await errorType(response)).toBe('origin_forbidden');
    expect(jwks.otherRequests()).toEqual([]);
  });

  it('refuses a write with neither Origin nor Sec-Fetch-Site', async () => {
    expect((await cookiePost({})).status).toBe(403);
  });

  it('refuses Sec-Fetch-Site: cross-site even with no Origin', async () => {
    expect((await cookiePost({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('lets an allowed Origin and a same-origin request through', async () => {
    expect((await cookiePost({ origin: ALLOWED_ORIGIN })).status).toBe(502);
    expect((await cookiePost({ 'sec-fetch-site': 'same-origin' })).status).toBe(502);
  });

  it('does not check Origin for Bearer-authenticated writes', async () => {
    const response = await harness.request(revokePath(ALICE), {
      method: 'POST',
      headers: { ...bearer(jwt), origin: 'https://evil.example' },
    });
    expect(response.status).toBe(502);
  });

  it('checks Origin before calling Stytch for an opaque session cookie', async () => {
    const response = await harness.request(revokePath(ALICE), {
      method: 'POST',
      headers: { cookie: 'stytch_session=opaque-token-value', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(jwks.otherRequests()).toEqual([]);
  });
});

describe('browser headers', () => {
  it('answers a preflight from an allowed origin with credentials allowed', async () => {
    const response = await harness.request(revokePath(ALICE), {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('gives a foreign origin no Access-Control-Allow-Origin', async () => {
    const response = await harness.request(listPath(ALICE), {
      headers: { origin: 'https://evil.example', ...bearer(jwt) },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets secure headers and no-store on every answer, errors included', async () => {
    const response = await harness.request(listPath(ALICE));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });
});
