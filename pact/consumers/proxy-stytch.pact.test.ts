import type { ProxyApp } from '@connected-apps/proxy';
import { bearer, proxyListPath, proxyRevokePath, sessionTokenCookie } from '@connected-apps/testkit';
import type { PactV4 } from '@pact-foundation/pact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerPact } from '../support/consumer-pact.ts';
import {
  CONNECTED_APP,
  CONNECTED_APP_ID,
  OTHER_USER_ID,
  UNKNOWN_CONNECTED_APP_ID,
  UNKNOWN_USER_ID,
  USER_ID,
} from '../support/examples.ts';
import {
  authenticateRequest,
  type Given,
  jsonAnswer,
  jsonRequest,
  withHeaders,
  withStates,
} from '../support/interactions.ts';
import { basicAuth, FAKE_PROJECT_ID, FAKE_SESSION_TOKEN } from '../support/matchers.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { jwksPath, listPath, revokePath } from '../support/paths.ts';
import { STATES } from '../support/provider-states.ts';
import { createLocalSessions, unavailableKeys } from './local-sessions.ts';
import { describeB2BStytchInteractions } from './proxy-stytch-b2b.ts';
import { callProxy, proxyAgainst } from './proxy-under-test.ts';
import {
  authenticateBody,
  connectedAppsBody,
  jwksBody,
  revokeBody,
  stytchErrorBody,
} from './stytch-shapes.ts';

/** How the proxy calls Stytch: Basic auth with the project's credentials (fake in the pact). */
const basicAuthOnly = withHeaders({ Authorization: basicAuth() });
const basicAuthJson = jsonRequest({ Authorization: basicAuth() });

/**
 * Consumer `connected-apps-proxy`: the real proxy against Pact's mock of Stytch. Each test sends a
 * browser-side request to the proxy and asserts what the proxy answers; Pact records the request the
 * proxy made upstream (core's Stytch client on undici, the JWKS fetch, sessions/authenticate).
 */
describe('connected-apps-proxy → stytch-api', () => {
  let pact: PactV4;
  let sessions: Awaited<ReturnType<typeof createLocalSessions>>;
  let proxy: ProxyApp | undefined;

  beforeAll(async () => {
    pact = createConsumerPact(PROXY, STYTCH_API);
    sessions = await createLocalSessions(FAKE_PROJECT_ID);
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  /** A proxy that verifies the caller locally, so the only upstream call is the forwarded one. */
  async function signedIn(url: string, user_id = USER_ID) {
    proxy = proxyAgainst(url, { jwks: sessions.keys });
    return { proxy, headers: bearer(await sessions.sign(user_id)) };
  }

  const revokeThroughProxy = async (url: string, user_id: string, connected_app_id: string) => {
    const { proxy, headers } = await signedIn(url, user_id);
    return callProxy(proxy, 'POST', proxyRevokePath(user_id, connected_app_id), headers);
  };

  it('forwards a revoke with Basic auth and answers with Stytch’s result', async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .uponReceiving('a revoke of a connected app the user authorized')
      .withRequest('POST', revokePath(USER_ID, CONNECTED_APP_ID), basicAuthJson)
      .willRespondWith(200, jsonAnswer(revokeBody()))
      .executeTest(async (mock) => {
        const { status, body } = await revokeThroughProxy(mock.url, USER_ID, CONNECTED_APP_ID);
        expect(status).toBe(200);
        expect(body).toEqual({ request_id: expect.stringMatching(/^request-id-test-/), status_code: 200 });
      });
  });

  it('forwards a list request and answers with Stytch’s list', async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .uponReceiving("a request for a user's connected apps")
      .withRequest('GET', listPath(USER_ID), basicAuthOnly)
      .willRespondWith(200, jsonAnswer(connectedAppsBody()))
      .executeTest(async (mock) => {
        const { proxy, headers } = await signedIn(mock.url);
        const { status, body } = await callProxy(proxy, 'GET', proxyListPath(USER_ID), headers);
        expect(status).toBe(200);
        expect(body.connected_apps).toEqual([CONNECTED_APP]);
      });
  });

  describe('passes Stytch’s errors through unchanged', () => {
    const cases = [
      {
        error_type: 'unauthorized_credentials',
        status: 401,
        given: [[STATES.credentialsAreWrong]],
        description: 'a revoke with credentials that are not the project’s',
        user_id: USER_ID,
        connected_app_id: CONNECTED_APP_ID,
      },
      {
        error_type: 'connected_app_not_found',
        status: 404,
        given: [[STATES.userExists, { user_id: USER_ID }]],
        description: 'a revoke of a connected app the user never authorized',
        user_id: USER_ID,
        connected_app_id: UNKNOWN_CONNECTED_APP_ID,
      },
      {
        error_type: 'too_many_requests',
        status: 429,
        given: [[STATES.stytchIsRateLimiting]],
        description: 'a revoke while Stytch is rate limiting the project',
        user_id: USER_ID,
        connected_app_id: CONNECTED_APP_ID,
      },
      {
        error_type: 'internal_server_error',
        status: 500,
        given: [[STATES.stytchHasInternalError]],
        description: 'a revoke while Stytch has an internal error',
        user_id: USER_ID,
        connected_app_id: CONNECTED_APP_ID,
      },
    ] satisfies ReadonlyArray<{ given: ReadonlyArray<Given> } & Record<string, unknown>>;

    for (const c of cases) {
      it(`${c.status} ${c.error_type} on revoke`, async () => {
        await withStates(pact.addInteraction(), c.given)
          .uponReceiving(c.description)
          .withRequest('POST', revokePath(c.user_id, c.connected_app_id), basicAuthJson)
          .willRespondWith(c.status, jsonAnswer(stytchErrorBody(c.status, c.error_type)))
          .executeTest(async (mock) => {
            const { status, body } = await revokeThroughProxy(mock.url, c.user_id, c.connected_app_id);
            expect(status).toBe(c.status);
            expect(body).toMatchObject({ status_code: c.status, error_type: c.error_type });
            expect(body.request_id).toMatch(/^request-id-test-/);
          });
      });
    }

    it('404 user_not_found on list', async () => {
      await pact
        .addInteraction()
        .given(STATES.userDoesNotExist, { user_id: UNKNOWN_USER_ID })
        .uponReceiving('a request for the connected apps of a user that does not exist')
        .withRequest('GET', listPath(UNKNOWN_USER_ID), basicAuthOnly)
        .willRespondWith(404, jsonAnswer(stytchErrorBody(404, 'user_not_found')))
        .executeTest(async (mock) => {
          const { proxy, headers } = await signedIn(mock.url, UNKNOWN_USER_ID);
          const { status, body } = await callProxy(proxy, 'GET', proxyListPath(UNKNOWN_USER_ID), headers);
          expect(status).toBe(404);
          expect(body).toMatchObject({ status_code: 404, error_type: 'user_not_found' });
        });
    });
  });

  it('confirms an opaque session token with sessions/authenticate and acts as that session’s user', async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasSession, { user_id: USER_ID })
      .uponReceiving('an authentication of a session token')
      // The verification gets a live token from the provider state; the pact holds only a fake.
      .withRequest('POST', '/v1/sessions/authenticate', authenticateRequest())
      .willRespondWith(200, jsonAnswer(authenticateBody(USER_ID)))
      .executeTest(async (mock) => {
        proxy = proxyAgainst(mock.url);
        // Another user's list: the proxy must authenticate the session (the one upstream call) and
        // then refuse, which shows it took the user from Stytch's answer.
        const { status, body } = await callProxy(
          proxy,
          'GET',
          proxyListPath(OTHER_USER_ID),
          sessionTokenCookie(FAKE_SESSION_TOKEN),
        );
        expect(status).toBe(403);
        expect(body).toMatchObject({ error_type: 'user_forbidden' });
      });
  });

  it('fetches the project’s JWKS to verify session JWTs', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a request for the project’s JSON Web Key Set')
      .withRequest('GET', jwksPath(FAKE_PROJECT_ID), basicAuthOnly)
      .willRespondWith(200, jsonAnswer(jwksBody()))
      .executeTest(async (mock) => {
        // A consumer project has no B2B key set: readiness is then its session keys alone.
        proxy = proxyAgainst(mock.url, { b2bJwks: unavailableKeys('B2B') });
        // Readiness is "the signing keys can be fetched": one JWKS request, nothing else.
        const { status, body } = await callProxy(proxy, 'GET', '/readyz', {});
        expect(status).toBe(200);
        expect(body).toEqual({ status: 'ok', jwks: 'fetched' });
      });
  });

  describeB2BStytchInteractions(() => pact);
});
