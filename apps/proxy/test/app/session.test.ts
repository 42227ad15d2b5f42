import { createStytchClient } from '@connected-apps/core';
import { bearer, captureLogs } from '@connected-apps/testkit';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProxyApp } from '../../src/create-proxy-app.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createStytchJwks } from '../../src/session/stytch-jwks.ts';
import { ALICE, BOB, createHarness, listPath, revokePath } from '../helpers/app-harness.ts';
import {
  hs256WithPublicKey,
  type JwksServer,
  PROJECT_ID,
  SECRET,
  signSession,
  startJwksServer,
  unsignedToken,
} from '../helpers/signing-keys.ts';
import { testConfig } from '../helpers/test-config.ts';

let jwks: JwksServer;
let harness: ReturnType<typeof createHarness>;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  jwks = await startJwksServer();
  harness = createHarness(jwks);
});
beforeEach(() => jwks.clearRequests());
afterAll(async () => {
  await harness.proxy.close();
  await jwks.stop();
});

async function expectRefused(response: Response, status: number, errorType: string) {
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status).toBe(status);
  expect(body).toMatchObject({ status_code: status, error_type: errorType });
  expect(body.request_id).toBe(response.headers.get('x-request-id'));
  expect(body.error_url).toBe(
    `https://github.com/connected-apps/connected-apps/blob/main/apps/proxy/docs/errors.md#${errorType}`,
  );
  expect(jwks.otherRequests()).toEqual([]);
}

describe('session verification', () => {
  it('answers 401 session_required without any credential', async () => {
    await expectRefused(await harness.request(listPath(ALICE)), 401, 'session_required');
  });

  it('answers 401 session_invalid for a non-Bearer Authorization header', async () => {
    await expectRefused(
      await harness.request(listPath(ALICE), { headers: { authorization: 'Basic abc' } }),
      401,
      'session_invalid',
    );
  });

  it('answers 401 session_invalid for a malformed JWT', async () => {
    await expectRefused(
      await harness.request(listPath(ALICE), { headers: bearer('not.a.jwt') }),
      401,
      'session_invalid',
    );
  });

  const forgeries: [string, () => Promise<string>][] = [
    ['an expired JWT', () => harness.jwtFor({ iat: now() - 900, nbf: now() - 900, exp: now() - 600 })],
    ['a JWT with a wrong issuer', () => harness.jwtFor({ iss: 'stytch.com/project-test-other' })],
    ['a JWT with a wrong audience', () => harness.jwtFor({ aud: ['project-test-other'] })],
    ['a JWT whose nbf is in the future', () => harness.jwtFor({ nbf: now() + 600 })],
    [
      'a JWT signed by another key with the same kid',
      async () => signSession((await generateKeyPair('RS256')).privateKey),
    ],
    [
      'a JWT signed by another key with an unknown kid',
      async () => signSession((await generateKeyPair('RS256')).privateKey, {}, 'jwk-test-attacker'),
    ],
    [
      'an alg: none token',
      async () =>
        unsignedToken({ sub: ALICE, iss: `stytch.com/${PROJECT_ID}`, aud: [PROJECT_ID], exp: now() + 300 }),
    ],
    [
      'an HS256 token signed with the public key',
      () =>
        hs256WithPublicKey(
          jwks.keys.publicKey,
          {
            sub: ALICE,
            iss: `stytch.com/${PROJECT_ID}`,
            aud: [PROJECT_ID],
            iat: now(),
            exp: now() + 300,
            'https://stytch.com/session': { id: 's', roles: [] },
          },
          'jwk-test-unit',
        ),
    ],
  ];
  for (const [name, make] of forgeries) {
    it(`answers 401 session_invalid for ${name}, on reads and writes`, async () => {
      const jwt = await make();
      await expectRefused(
        await harness.request(listPath(ALICE), { headers: bearer(jwt) }),
        401,
        'session_invalid',
      );
      await expectRefused(
        await harness.request(revokePath(ALICE), { method: 'POST', headers: bearer(jwt) }),
        401,
        'session_invalid',
      );
    });
  }

  it('accepts the session JWT from the stytch_session_jwt cookie', async () => {
    const jwt = await harness.jwtFor();
    await expectRefused(
      await harness.request(listPath(BOB), { headers: { cookie: `stytch_session_jwt=${jwt}` } }),
      403,
      'user_forbidden',
    );
  });

  it('picks up a rotated signing key (unknown kid → JWKS refetched)', async () => {
    const rotating = await startJwksServer('jwk-test-before');
    const stytch = createStytchClient({ project_id: PROJECT_ID, secret: SECRET, baseUrl: rotating.url });
    const proxy = createProxyApp(testConfig(rotating.url), {
      logger: createLogger('info', captureLogs()),
      stytch,
      jwks: createStytchJwks({ stytch, projectId: PROJECT_ID, cooldownMs: 0 }),
    });
    try {
      const before = await signSession(rotating.keys.privateKey, { sub: ALICE }, 'jwk-test-before');
      expect((await proxy.app.request(listPath(BOB), { headers: bearer(before) })).status).toBe(403);
      const newKey = await rotating.rotate('jwk-test-after');
      const after = await signSession(newKey, { sub: ALICE }, 'jwk-test-after');
      expect((await proxy.app.request(listPath(BOB), { headers: bearer(after) })).status).toBe(403);
      expect(rotating.hits()).toBe(2);
    } finally {
      await proxy.close();
      await rotating.stop();
    }
  });

  it('refetches the JWKS for unknown kids at most once per cooldown', async () => {
    const keys = await startJwksServer('jwk-test-known');
    const stytch = createStytchClient({ project_id: PROJECT_ID, secret: SECRET, baseUrl: keys.url });
    const proxy = createProxyApp(testConfig(keys.url), {
      logger: createLogger('info', captureLogs()),
      stytch,
      jwks: createStytchJwks({ stytch, projectId: PROJECT_ID, cooldownMs: 60_000 }),
    });
    try {
      const known = await signSession(keys.keys.privateKey, { sub: ALICE }, 'jwk-test-known');
      expect((await proxy.app.request(listPath(BOB), { headers: bearer(known) })).status).toBe(403);
      const { privateKey: forger } = await generateKeyPair('RS256');
      for (let i = 0; i < 3; i++) {
        const forged = await signSession(forger, { sub: ALICE }, `jwk-test-forged-${i}`);
        const response = await proxy.app.request(listPath(ALICE), { headers: bearer(forged) });
        expect(response.status).toBe(401);
      }
      expect(keys.hits()).toBe(1);
    } finally {
      await proxy.close();
      await keys.stop();
    }
  });

  it('verifies a JWT once and serves repeats from the cache', async () => {
    const before = jwks.hits();
    const jwt = await harness.jwtFor({ sessionId: 'session-test-cache' });
    for (let i = 0; i < 3; i++) {
      const response = await harness.request(listPath(BOB), { headers: bearer(jwt) });
      expect(response.status).toBe(403);
    }
    expect(jwks.hits() - before).toBeLessThanOrEqual(1);
  });
});

describe('authorization', () => {
  it("refuses another user's user_id with 403 user_forbidden", async () => {
    const jwt = await harness.jwtFor({ sub: ALICE });
    await expectRefused(
      await harness.request(revokePath(BOB), { method: 'POST', headers: bearer(jwt) }),
      403,
      'user_forbidden',
    );
  });

  it('refuses an external_id from a non-admin', async () => {
    const jwt = await harness.jwtFor({ sub: ALICE });
    await expectRefused(
      await harness.request(listPath('alice-external'), { headers: bearer(jwt) }),
      403,
      'user_forbidden',
    );
  });

  it('lets the admin role through to Stytch for another user', async () => {
    const jwt = await harness.jwtFor({ sub: ALICE, roles: ['stytch_user', 'connected_apps_admin'] });
    const response = await harness.request(listPath(BOB), { headers: bearer(jwt) });
    // The JWKS test server is not Stytch: reaching it proves authorization passed.
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error_type: string }).error_type).toBe('upstream_invalid_response');
    expect(jwks.otherRequests()).toEqual([`GET /v1/users/${BOB}/connected_apps`]);
  });
});
