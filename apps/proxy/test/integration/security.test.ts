import { createHmac, createPublicKey } from 'node:crypto';
import { basicAuthorization, STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { bearer, proxyListPath, proxyRevokePath, rawRequest, rawSocket } from '@connected-apps/testkit';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { startProxyStack, useSeededStack } from '../helpers/proxy-stack.ts';

let publicKeyPem: string;
const t = useSeededStack();
beforeAll(async () => {
  const { emulator } = t.stack;
  const path = stytchPath(STYTCH_ROUTES.sessionsGetJWKS.template, { project_id: emulator.projectId });
  const jwks = (await (
    await fetch(`${emulator.url}${path}`, {
      headers: { authorization: basicAuthorization(emulator.projectId, emulator.secret) },
    })
  ).json()) as { keys: import('node:crypto').JsonWebKey[] };
  publicKeyPem = createPublicKey({
    key: jwks.keys[0] as import('node:crypto').JsonWebKey,
    format: 'jwk',
  }).export({
    type: 'spki',
    format: 'pem',
  }) as string;
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims as the emulator signs them for Alice, for forgeries to copy. */
function aliceClaims(): Record<string, unknown> {
  const id = t.stack.emulator.projectId;
  return {
    sub: t.world.alice.user_id,
    iss: `stytch.com/${id}`,
    aud: [id],
    iat: now(),
    nbf: now(),
    exp: now() + 300,
    'https://stytch.com/session': {
      id: 'session-test-forged',
      roles: ['stytch_user', 'connected_apps_admin'],
    },
  };
}

async function mintFor(claims_override: Record<string, number | string>): Promise<string> {
  return (await t.stack.emulator.control.mintSession({ user_id: t.world.alice.user_id, claims_override }))
    .session_jwt;
}

/** Sends the request to revoke Alice's calendar app (and, with `list`, to list her apps). */
async function expectRefused(
  headers: Record<string, string>,
  status: number,
  errorType: string,
  request: { method?: string; path?: string; body?: string } = {},
) {
  const response = await rawRequest(
    t.stack.url,
    request.method ?? 'POST',
    request.path ?? proxyRevokePath(t.world.alice.user_id, t.world.calendar),
    headers,
    request.body,
  );
  expect(response.status).toBe(status);
  expect(response.body.error_type).toBe(errorType);
  expect(response.body.status_code).toBe(status);
  expect(await t.stack.stytchRequests()).toEqual([]);
  expect(
    (await t.stack.emulator.control.getTokens(t.world.alice.user_id, t.world.calendar)).grant_active,
  ).toBe(true);
  return response;
}

describe('refused sessions never reach Stytch', () => {
  it('no session → 401 session_required', async () => {
    await expectRefused({}, 401, 'session_required');
  });

  it('malformed JWT → 401 session_invalid', async () => {
    await expectRefused(bearer('eyJhbGciOiJSUzI1NiJ9.not-json.sig'), 401, 'session_invalid');
  });

  it('expired JWT → 401 session_invalid', async () => {
    const jwt = await mintFor({ iat: now() - 900, nbf: now() - 900, exp: now() - 600 });
    await expectRefused(bearer(jwt), 401, 'session_invalid');
  });

  it('JWT signed by another key (same kid) → 401 session_invalid', async () => {
    const { kid } = decodeProtectedHeader(t.world.alice.jwt);
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT(aliceClaims())
      .setProtectedHeader({ alg: 'RS256', kid: kid as string })
      .sign(privateKey);
    await expectRefused(bearer(jwt), 401, 'session_invalid');
  });

  it('alg: none → 401 session_invalid', async () => {
    const jwt = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(aliceClaims())}.`;
    await expectRefused(bearer(jwt), 401, 'session_invalid');
  });

  it('HS256 signed with the public key → 401 session_invalid', async () => {
    const { kid } = decodeProtectedHeader(t.world.alice.jwt);
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(aliceClaims())}`;
    const jwt = `${input}.${createHmac('sha256', publicKeyPem).update(input).digest('base64url')}`;
    await expectRefused(bearer(jwt), 401, 'session_invalid');
  });

  it('wrong iss → 401 session_invalid', async () => {
    await expectRefused(
      bearer(await mintFor({ iss: 'stytch.com/project-test-someone-else' })),
      401,
      'session_invalid',
    );
  });

  it('wrong aud → 401 session_invalid', async () => {
    await expectRefused(bearer(await mintFor({ aud: 'project-test-someone-else' })), 401, 'session_invalid');
  });

  it("a cached JWT's signature under another user's header and payload → 401 session_invalid", async () => {
    // Alice's JWT is verified and cached first; its signature must not vouch for any other token.
    const own = await rawRequest(
      t.stack.url,
      'GET',
      proxyListPath(t.world.alice.user_id),
      bearer(t.world.alice.jwt),
    );
    expect(own.status).toBe(200);
    await t.stack.emulator.control.clearRequests();
    const [header, payload] = t.world.bob.jwt.split('.');
    const signature = t.world.alice.jwt.split('.')[2];
    await expectRefused(bearer(`${header}.${payload}.${signature}`), 401, 'session_invalid', {
      method: 'GET',
      path: proxyListPath(t.world.bob.user_id),
    });
  });

  it('nbf in the future → 401 session_invalid', async () => {
    await expectRefused(bearer(await mintFor({ nbf: now() + 600 })), 401, 'session_invalid');
  });
});

describe('refused requests never reach Stytch', () => {
  it("another user's user_id → 403 user_forbidden", async () => {
    await expectRefused(bearer(t.world.bob.jwt), 403, 'user_forbidden');
    await expectRefused(bearer(t.world.bob.jwt), 403, 'user_forbidden', {
      method: 'GET',
      path: proxyListPath(t.world.alice.user_id),
    });
  });

  it('external_id by a non-admin (even the same user) → 403 user_forbidden', async () => {
    await expectRefused(bearer(t.world.alice.jwt), 403, 'user_forbidden', {
      path: proxyRevokePath(t.world.alice.external_id, t.world.calendar),
    });
  });

  it('cookie-authenticated POST from a foreign Origin → 403 origin_forbidden', async () => {
    await expectRefused(
      { cookie: `stytch_session_jwt=${t.world.alice.jwt}`, origin: 'https://evil.example' },
      403,
      'origin_forbidden',
    );
    await expectRefused(
      { cookie: `stytch_session=${t.world.alice.token}`, origin: 'https://evil.example' },
      403,
      'origin_forbidden',
    );
  });

  it('oversized body → 413 payload_too_large', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(4096) });
    await expectRefused(
      { ...bearer(t.world.alice.jwt), 'content-type': 'application/json' },
      413,
      'payload_too_large',
      { body },
    );
  });

  it('oversized chunked body (no Content-Length) → 413 payload_too_large', async () => {
    const chunk = JSON.stringify({ padding: 'x'.repeat(4096) });
    const response = await rawSocket(
      t.stack.url,
      `POST ${proxyRevokePath(t.world.alice.user_id, t.world.calendar)} HTTP/1.1\r\nHost: proxy.test\r\n` +
        `Authorization: Bearer ${t.world.alice.jwt}\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ status_code: 413, error_type: 'payload_too_large' });
    expect(await t.stack.stytchRequests()).toEqual([]);
  });

  it('non-JSON body → 415 unsupported_media_type', async () => {
    await expectRefused(
      { ...bearer(t.world.alice.jwt), 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
      {
        body: 'a=b',
      },
    );
  });
});

describe('path tricks never reach Stytch with a different path', () => {
  const cases: [string, (w: typeof t.world) => string, string, number, string][] = [
    [
      '.. segments',
      (w) => `/api/v1/users/${w.alice.user_id}/connected_apps/../../${w.bob.user_id}/connected_apps`,
      'GET',
      404,
      'route_not_found',
    ],
    [
      '.. resolving to an own route',
      (w) => `${proxyRevokePath(w.alice.user_id, w.calendar)}/../../${w.notes}/revoke`,
      'POST',
      404,
      'route_not_found',
    ],
    [
      'an encoded dot-dot user_id',
      () => '/api/v1/users/%2e%2e/connected_apps',
      'GET',
      400,
      'invalid_user_id',
    ],
    [
      'encoded slashes',
      (w) => `/api/v1/users/${w.alice.user_id}%2F..%2F${w.bob.user_id}/connected_apps`,
      'GET',
      400,
      'invalid_user_id',
    ],
    [
      'double encoding',
      (w) => `/api/v1/users/${w.alice.user_id}%252F..%252F${w.bob.user_id}/connected_apps`,
      'GET',
      400,
      'invalid_user_id',
    ],
    [
      'an encoded traversal app id',
      (w) => `/api/v1/users/${w.alice.user_id}/connected_apps/%2e%2e%2F%2e%2e%2Fadmin/revoke`,
      'POST',
      400,
      'invalid_connected_app_id',
    ],
    [
      'a backslash',
      (w) => `/api/v1/users/${w.alice.user_id}\\..\\${w.bob.user_id}/connected_apps`,
      'GET',
      400,
      'bad_request',
    ],
  ];
  for (const [name, path, method, status, type] of cases) {
    it(`${name} → ${status} ${type}`, async () => {
      await expectRefused(bearer(t.world.alice.jwt), status, type, { method, path: path(t.world) });
    });
  }
});

describe('rate limit', () => {
  it('answers 429 too_many_requests with Retry-After once an address spends its budget', async () => {
    const limited = await startProxyStack({ RATE_LIMIT_PER_ADDRESS: '2' }, t.stack.emulator);
    try {
      const list = () =>
        rawRequest(limited.url, 'GET', proxyListPath(t.world.alice.user_id), bearer(t.world.alice.jwt));
      expect((await list()).status).toBe(200);
      expect((await list()).status).toBe(200);
      await t.stack.emulator.control.clearRequests();
      const response = await list();
      expect(response.status).toBe(429);
      expect(response.body.error_type).toBe('too_many_requests');
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(await t.stack.stytchRequests()).toEqual([]);
    } finally {
      await limited.stop();
    }
  });
});
