import {
  bearer,
  mintExpiredSessionJwt,
  proxyListPath,
  proxyRevokePath,
  type RunningProxyLike,
  rawRequest,
  rawSocket,
  type Stack,
  seedWorld,
  sessionJwtCookie,
  sessionTokenCookie,
  startStack,
  type World,
  withTamperedSignature,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  hs256WithPublicKey,
  readJwt,
  sessionSigningKey,
  signedByAnotherKey,
  unsignedJwt,
  withEditedClaims,
} from './forged-sessions.ts';
import { startWorker } from './start-worker.ts';

// The attacks that matter for a Worker, run against the proxy inside workerd: every one is refused
// with the Stytch-shaped error, and none of them reaches Stytch's revoke or list (nor changes a grant).

const signingKey = sessionSigningKey();
let stack: Stack<RunningProxyLike>;
let world: World;

beforeAll(async () => {
  stack = await startStack({
    startProxy: startWorker,
    emulatorOptions: { port: 0, signingKey: signingKey.privateKeyPem },
  });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
});
afterAll(() => stack?.stop());

const now = () => Math.floor(Date.now() / 1000);

/** Sends a request (by default Alice's revoke of her calendar app) and expects it refused before Stytch. */
async function expectRefused(
  headers: Record<string, string>,
  status: number,
  errorType: string,
  request: { method?: string; path?: string; body?: string } = {},
): Promise<void> {
  const response = await rawRequest(
    stack.url,
    request.method ?? 'POST',
    request.path ?? proxyRevokePath(world.alice.user_id, world.calendar),
    headers,
    request.body,
  );
  expect({ status: response.status, error_type: response.body.error_type }).toEqual({
    status,
    error_type: errorType,
  });
  expect(response.body).toEqual({
    status_code: status,
    request_id: response.headers['x-request-id'],
    error_type: errorType,
    error_message: expect.any(String),
    error_url: expect.stringMatching(new RegExp(`#${errorType}$`)),
  });
  expect(await stack.stytchRequests()).toEqual([]);
  expect((await stack.emulator.control.getTokens(world.alice.user_id, world.calendar)).grant_active).toBe(
    true,
  );
}

describe('forged or stale sessions → 401, never reaching Stytch', () => {
  it('no credential at all → session_required', async () => {
    await expectRefused({}, 401, 'session_required');
  });

  it('alg: none → session_invalid', async () => {
    await expectRefused(bearer(unsignedJwt(readJwt(world.alice.jwt).claims)), 401, 'session_invalid');
  });

  it("signed by another key under Stytch's kid → session_invalid", async () => {
    const { header, claims } = readJwt(world.alice.jwt);
    await expectRefused(bearer(signedByAnotherKey(claims, header.kid)), 401, 'session_invalid');
  });

  it('HS256 keyed with the published public key → session_invalid', async () => {
    const { header, claims } = readJwt(world.alice.jwt);
    const forged = hs256WithPublicKey(claims, header.kid, signingKey.publicKeyPem);
    await expectRefused(bearer(forged), 401, 'session_invalid');
  });

  it("Bob's real token with its sub edited to Alice → session_invalid", async () => {
    const forged = withEditedClaims(world.bob.jwt, { sub: world.alice.user_id });
    await expectRefused(bearer(forged), 401, 'session_invalid');
  });

  it("Alice's real token with an admin role added → session_invalid", async () => {
    const { claims } = readJwt(world.alice.jwt);
    const session = claims['https://stytch.com/session'] as Record<string, unknown>;
    const forged = withEditedClaims(world.alice.jwt, {
      'https://stytch.com/session': { ...session, roles: ['stytch_user', 'connected_apps_admin'] },
    });
    await expectRefused(bearer(forged), 401, 'session_invalid', {
      method: 'GET',
      path: proxyListPath(world.bob.user_id),
    });
  });

  it('expired (signed by Stytch, exp five minutes ago) → session_invalid', async () => {
    const expired = await mintExpiredSessionJwt(stack.emulator.control, world.alice.user_id);
    await expectRefused(bearer(expired), 401, 'session_invalid');
  });

  it('one character of the signature changed → session_invalid', async () => {
    await expectRefused(bearer(withTamperedSignature(world.alice.jwt)), 401, 'session_invalid');
  });

  it("another project's issuer and audience (signed by Stytch) → session_invalid", async () => {
    const { session_jwt } = await stack.emulator.control.mintSession({
      user_id: world.alice.user_id,
      claims_override: { iss: 'stytch.com/project-test-someone-else', aud: 'project-test-someone-else' },
    });
    await expectRefused(bearer(session_jwt), 401, 'session_invalid');
  });

  it('not before a time in the future → session_invalid', async () => {
    const { session_jwt } = await stack.emulator.control.mintSession({
      user_id: world.alice.user_id,
      claims_override: { nbf: now() + 600 },
    });
    await expectRefused(bearer(session_jwt), 401, 'session_invalid');
  });
});

describe("another user's id (IDOR) → 403, nothing sent to Stytch", () => {
  it("Bob revoking Alice's app → user_forbidden", async () => {
    await expectRefused(bearer(world.bob.jwt), 403, 'user_forbidden');
  });

  it("Bob listing Alice's apps → user_forbidden", async () => {
    await expectRefused(bearer(world.bob.jwt), 403, 'user_forbidden', {
      method: 'GET',
      path: proxyListPath(world.alice.user_id),
    });
  });

  it('Alice by her external_id (only admins may use one) → user_forbidden', async () => {
    await expectRefused(bearer(world.alice.jwt), 403, 'user_forbidden', {
      path: proxyRevokePath(world.alice.external_id, world.calendar),
    });
  });
});

describe('CSRF: a session cookie on a write from a foreign Origin → 403 origin_forbidden', () => {
  it('with the session JWT cookie', async () => {
    await expectRefused(
      { ...sessionJwtCookie(world.alice.jwt), origin: 'https://evil.example' },
      403,
      'origin_forbidden',
    );
  });

  it('with the opaque session token cookie', async () => {
    await expectRefused(
      { ...sessionTokenCookie(world.alice.token), origin: 'https://evil.example' },
      403,
      'origin_forbidden',
    );
  });

  it('with no Origin at all (a cross-site form post from an old browser)', async () => {
    await expectRefused(sessionJwtCookie(world.alice.jwt), 403, 'origin_forbidden');
  });
});

describe('bodies', () => {
  const aliceJson = () => ({ ...bearer(world.alice.jwt), 'content-type': 'application/json' });

  it('over 1 KiB with a Content-Length → 413 payload_too_large', async () => {
    await expectRefused(aliceJson(), 413, 'payload_too_large', {
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
  });

  it('over 1 KiB, chunked (no Content-Length) → 413 payload_too_large', async () => {
    const chunk = JSON.stringify({ padding: 'x'.repeat(4096) });
    const response = await rawSocket(
      stack.url,
      `POST ${proxyRevokePath(world.alice.user_id, world.calendar)} HTTP/1.1\r\nHost: proxy.test\r\n` +
        `Authorization: Bearer ${world.alice.jwt}\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ status_code: 413, error_type: 'payload_too_large' });
    expect(await stack.stytchRequests()).toEqual([]);
  });

  it('not JSON → 415 unsupported_media_type', async () => {
    await expectRefused(
      { ...bearer(world.alice.jwt), 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
      { body: 'a=b' },
    );
  });

  it('JSON other than {} (revoke takes no parameters) → 400 bad_request', async () => {
    await expectRefused(aliceJson(), 400, 'bad_request', { body: '{"connected_app_id":"other"}' });
  });
});

describe('path parameter attacks never reach Stytch with another path', () => {
  // workerd hands the Worker a URL parsed as WHATWG says: dot segments, `%2e%2e` among them, are
  // resolved (and `\` read as `/`) before the proxy sees the path, so those land on another route
  // (another user's: the authorization check; none: 404). An encoded slash keeps the id one segment,
  // which the path-parameter rule refuses.
  const cases: [string, (w: World) => string, string, number, string][] = [
    [
      '.. segments into another user',
      (w) => `/api/v1/users/${w.alice.user_id}/connected_apps/../../${w.bob.user_id}/connected_apps`,
      'GET',
      403,
      'user_forbidden',
    ],
    [
      'a backslash traversal into another user',
      (w) => `/api/v1/users/${w.alice.user_id}\\..\\${w.bob.user_id}/connected_apps`,
      'GET',
      403,
      'user_forbidden',
    ],
    [
      'an encoded dot-dot user_id',
      () => '/api/v1/users/%2e%2e/connected_apps',
      'GET',
      404,
      'route_not_found',
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
      'an encoded traversal connected_app_id',
      (w) => `/api/v1/users/${w.alice.user_id}/connected_apps/%2e%2e%2F%2e%2e%2Fadmin/revoke`,
      'POST',
      400,
      'invalid_connected_app_id',
    ],
  ];
  for (const [name, path, method, status, type] of cases) {
    it(`${name} → ${status} ${type}`, async () => {
      await expectRefused(bearer(world.alice.jwt), status, type, { method, path: path(world) });
    });
  }
});
