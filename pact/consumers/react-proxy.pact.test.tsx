// @vitest-environment jsdom
import { type ConnectedAppsClient, createProxyClient } from '@connected-apps/core';
import {
  ConnectedAppsProvider,
  useConnectedApps,
  useRevokeAllConnectedApps,
  useRevokeConnectedApp,
} from '@connected-apps/react';
import { sessionJwtCookie as sessionJwtCookieHeader } from '@connected-apps/testkit';
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerPact } from '../support/consumer-pact.ts';
import {
  CONNECTED_APP,
  CONNECTED_APP_ID,
  FAILING_CONNECTED_APP_ID,
  FOREIGN_ORIGIN,
  OTHER_USER_ID,
  RATE_LIMITED_USER_ID,
  UNKNOWN_CONNECTED_APP_ID,
  USER_ID,
} from '../support/examples.ts';
import { jsonAnswer, jsonRequest, withHeaders, withStates } from '../support/interactions.ts';
import { bearerSession, FAKE_SESSION_JWT, id, sessionJwtCookie } from '../support/matchers.ts';
import { PROXY, REACT_CONSUMER } from '../support/participants.ts';
import { listPath, revokeAllPath, revokePath } from '../support/paths.ts';
import { STATES } from '../support/provider-states.ts';
import { describeB2BReactInteractions } from './react-proxy-b2b.tsx';
import { describeHistoryInteractions } from './react-proxy-history.tsx';
import { revokeAllBody } from './react-proxy-shapes.ts';
import {
  connectedAppNotFound,
  proxyErrorAnswer,
  type RevokeErrorCase,
  rateLimited,
  stytchApiError,
} from './react-revoke-errors.ts';
import { connectedAppsBody, revokeBody, stytchErrorBody } from './stytch-shapes.ts';

/** The proxy serves Stytch's routes under this base path. */
const API = '/api';
/** What a signed-in page sends with a revoke: its session JWT as a bearer token. */
const signedInRevoke = jsonRequest({ Authorization: bearerSession() });

/**
 * Consumer `connected-apps-react`: the hooks, through core's proxy client, against Pact's mock of the
 * proxy. Each test renders the real hook and asserts what it shows; Pact records the request it sent.
 * Retries are off so each interaction is exactly one request (the retry policy has its own tests).
 */
describe('connected-apps-react → connected-apps-proxy', () => {
  let pact: PactV4;
  beforeAll(() => {
    pact = createConsumerPact(REACT_CONSUMER, PROXY);
  });
  // Unmounts what each test rendered (Testing Library only does this itself with Vitest globals on).
  afterEach(cleanup);

  /** The proxy client as the demo creates it, pointed at the mock server. */
  const client = (url: string, options: { sessionJwt?: string; headers?: Record<string, string> } = {}) =>
    createProxyClient({ baseUrl: `${url}${API}`, retry: false, ...options });
  /** The same, holding the pact's fake session JWT (sent as a bearer token). */
  const signedInClient = (url: string) => client(url, { sessionJwt: FAKE_SESSION_JWT });

  const wrapper =
    (c: ConnectedAppsClient) =>
    ({ children }: { children: ReactNode }) => (
      <ConnectedAppsProvider client={c}>{children}</ConnectedAppsProvider>
    );

  /** Renders `useRevokeConnectedApp`, revokes, and returns the hook's settled error (or null). */
  async function revokeWithHook(c: ConnectedAppsClient, connected_app_id: string, user_id = USER_ID) {
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper: wrapper(c) });
    await act(async () => {
      await result.current.revokeAsync({ user_id, connected_app_id }).catch(() => undefined);
    });
    return result.current;
  }

  /** Renders `useRevokeAllConnectedApps` on the signed-in client, revokes all, and returns the settled hook. */
  async function revokeAllWithHook(url: string) {
    const { result } = renderHook(() => useRevokeAllConnectedApps(), {
      wrapper: wrapper(signedInClient(url)),
    });
    await act(async () => {
      await result.current.revokeAsync({ user_id: USER_ID }).catch(() => undefined);
    });
    return result.current;
  }

  /** One revoke the proxy answers with an error, and what the consumer must make of it. */
  interface RevokeError extends RevokeErrorCase<ConnectedAppsClient> {
    /** Whose app the page revokes. @default USER_ID */
    user_id?: string;
    /** @default CONNECTED_APP_ID */
    connected_app_id?: string;
  }

  /** Records the interaction and revokes through the hook against it; the hook must settle on a typed error. */
  async function expectRevokeError(c: RevokeError): Promise<void> {
    const { user_id = USER_ID, connected_app_id = CONNECTED_APP_ID } = c;
    await withStates(pact.addInteraction(), c.given)
      .uponReceiving(c.uponReceiving)
      .withRequest('POST', revokePath(user_id, connected_app_id, API), c.request ?? signedInRevoke)
      .willRespondWith(c.status, c.answer)
      .executeTest(async (mock) => {
        const state = await revokeWithHook(
          (c.clientFor ?? signedInClient)(mock.url),
          connected_app_id,
          user_id,
        );
        expect(state.status).toBe('error');
        c.check(stytchApiError(state.error));
      });
  }

  it('revokes a connected app and reports success', async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .given(STATES.userIsSignedIn, { user_id: USER_ID })
      .uponReceiving('a revoke of a connected app by its signed-in user')
      .withRequest('POST', revokePath(USER_ID, CONNECTED_APP_ID, API), signedInRevoke)
      .willRespondWith(200, jsonAnswer(revokeBody()))
      .executeTest(async (mock) => {
        const state = await revokeWithHook(signedInClient(mock.url), CONNECTED_APP_ID);
        expect(state.status).toBe('success');
        expect(state.data?.request_id).toMatch(/^request-id-test-/);
      });
  });

  it("revokes all of the signed-in user's connected apps and reports each revoked (200)", async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .given(STATES.userIsSignedIn, { user_id: USER_ID })
      .uponReceiving('a revoke-all by the signed-in user, every revoke succeeding')
      .withRequest('POST', revokeAllPath(USER_ID, API), signedInRevoke)
      .willRespondWith(
        200,
        jsonAnswer(
          revokeAllBody(
            200,
            MatchersV3.eachLike({ connected_app_id: id(CONNECTED_APP_ID), outcome: 'revoked' }),
          ),
        ),
      )
      .executeTest(async (mock) => {
        const state = await revokeAllWithHook(mock.url);
        expect(state.status).toBe('success');
        expect(state.data).toMatchObject({
          status_code: 200,
          connected_apps: [{ connected_app_id: CONNECTED_APP_ID, outcome: 'revoked' }],
        });
      });
  });

  it("reports revoke-all's partial failure (207) with the failed app's Stytch error", async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: FAILING_CONNECTED_APP_ID })
      .given(STATES.userIsSignedIn, { user_id: USER_ID })
      .given(STATES.stytchFailsRevokeOf, { user_id: USER_ID, connected_app_id: FAILING_CONNECTED_APP_ID })
      .uponReceiving("a revoke-all by the signed-in user, one app's revoke failing at Stytch")
      .withRequest('POST', revokeAllPath(USER_ID, API), signedInRevoke)
      .willRespondWith(
        207,
        jsonAnswer(
          revokeAllBody(
            207,
            // The proxy promises one outcome per app, not their order.
            MatchersV3.arrayContaining(
              { connected_app_id: id(CONNECTED_APP_ID), outcome: 'revoked' },
              {
                connected_app_id: id(FAILING_CONNECTED_APP_ID),
                outcome: 'failed',
                error: stytchErrorBody(500, 'internal_server_error'),
              },
            ),
          ),
        ),
      )
      .executeTest(async (mock) => {
        const state = await revokeAllWithHook(mock.url);
        // A partial failure is the envelope, not a rejected call: the hook succeeds with status_code 207.
        expect(state.status).toBe('success');
        expect(state.data?.status_code).toBe(207);
        const failed = state.data?.connected_apps.find((app) => app.outcome === 'failed');
        expect(failed).toMatchObject({
          connected_app_id: FAILING_CONNECTED_APP_ID,
          error: { status_code: 500, error_type: 'internal_server_error' },
        });
        expect(failed?.outcome === 'failed' && failed.error.request_id).toMatch(/^request-id-test-/);
      });
  });

  it("lists the signed-in user's connected apps", async () => {
    await pact
      .addInteraction()
      .given(STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID })
      .given(STATES.userIsSignedIn, { user_id: USER_ID })
      .uponReceiving("a request for the signed-in user's connected apps")
      .withRequest('GET', listPath(USER_ID, API), withHeaders({ Authorization: bearerSession() }))
      .willRespondWith(
        200,
        // One wire shape everywhere: the proxy answers with Stytch's list.
        jsonAnswer(connectedAppsBody()),
      )
      .executeTest(async (mock) => {
        const c = signedInClient(mock.url);
        const { result } = renderHook(() => useConnectedApps(USER_ID), { wrapper: wrapper(c) });
        await waitFor(() => expect(result.current.status).toBe('success'));
        expect(result.current.data).toEqual([CONNECTED_APP]);
      });
  });

  const revokeErrors: Record<string, RevokeError> = {
    'surfaces session_required when the caller has no session': {
      given: [[STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID }]],
      uponReceiving: 'a revoke without a session',
      request: jsonRequest(),
      clientFor: (url) => client(url),
      ...proxyErrorAnswer(401, 'session_required', { retryable: false }),
    },
    "surfaces user_forbidden when the session is another user's": {
      given: [[STATES.userIsSignedIn, { user_id: USER_ID }]],
      uponReceiving: "a revoke on another user's connected app",
      user_id: OTHER_USER_ID,
      ...proxyErrorAnswer(403, 'user_forbidden'),
    },
    'surfaces origin_forbidden for a cookie-authenticated revoke from a foreign origin': {
      given: [[STATES.userIsSignedIn, { user_id: USER_ID }]],
      uponReceiving: 'a cookie-authenticated revoke from an origin the proxy does not allow',
      request: jsonRequest({ Cookie: sessionJwtCookie(), Origin: FOREIGN_ORIGIN }),
      // A browser adds both headers itself (the cookie rides along, the page's origin is named);
      // outside a browser the client is given them, as the page on a foreign origin would send them.
      clientFor: (url) =>
        client(url, { headers: { ...sessionJwtCookieHeader(FAKE_SESSION_JWT), origin: FOREIGN_ORIGIN } }),
      ...proxyErrorAnswer(403, 'origin_forbidden'),
    },
    'surfaces connected_app_not_found from Stytch for an app the user never authorized': {
      given: [[STATES.userIsSignedIn, { user_id: USER_ID }]],
      uponReceiving: 'a revoke of a connected app the user never authorized',
      connected_app_id: UNKNOWN_CONNECTED_APP_ID,
      ...connectedAppNotFound,
    },
    'surfaces too_many_requests with the delay from Retry-After': {
      given: [[STATES.userHasUsedUpRateLimit, { user_id: RATE_LIMITED_USER_ID }]],
      uponReceiving: 'a revoke from a user who has used up their rate limit',
      user_id: RATE_LIMITED_USER_ID,
      ...rateLimited,
    },
    'surfaces upstream_timeout when Stytch does not answer in time': {
      given: [
        [STATES.userHasConnectedApp, { user_id: USER_ID, connected_app_id: CONNECTED_APP_ID }],
        [STATES.userIsSignedIn, { user_id: USER_ID }],
        [STATES.stytchIsSlow],
      ],
      uponReceiving: 'a revoke while Stytch is too slow to answer',
      ...proxyErrorAnswer(504, 'upstream_timeout', { retryable: true }),
    },
  };
  for (const [name, revokeError] of Object.entries(revokeErrors)) {
    it(name, () => expectRevokeError(revokeError));
  }

  describeB2BReactInteractions(() => pact);
  describeHistoryInteractions(() => pact);
});
