import { type ConnectedAppsB2BClient, createB2BProxyClient } from '@connected-apps/core';
import {
  ConnectedAppsB2BProvider,
  type QueryResult,
  useMemberConnectedApps,
  useOrganizationConnectedApp,
  useOrganizationConnectedApps,
  useRevokeMemberConnectedApp,
} from '@connected-apps/react/b2b';
import type { PactV4 } from '@pact-foundation/pact';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  adminAndMemberWithApp,
  memberAndOtherMemberWithApp,
  memberExists,
  memberHasConnectedApp,
  memberHasUsedUpRateLimit,
  memberIsSignedIn,
  memberWithApp,
  organizationExists,
} from '../support/b2b-givens.ts';
import {
  CONNECTED_APP,
  CONNECTED_APP_ID,
  GRANTED_SCOPES,
  MEMBER_ID,
  ORGANIZATION_CONNECTED_APP,
  ORGANIZATION_ID,
  OTHER_MEMBER_ID,
  OTHER_ORGANIZATION_ID,
  RATE_LIMITED_MEMBER_ID,
  UNKNOWN_CONNECTED_APP_ID,
} from '../support/examples.ts';
import { type Given, jsonAnswer, jsonRequest, withHeaders, withStates } from '../support/interactions.ts';
import { bearerSession, FAKE_SESSION_JWT } from '../support/matchers.ts';
import {
  memberAppsPath,
  memberRevokePath,
  organizationAppPath,
  organizationAppsPath,
} from '../support/paths.ts';
import {
  connectedAppNotFound,
  proxyErrorAnswer,
  type RevokeErrorCase,
  rateLimited,
  stytchApiError,
} from './react-revoke-errors.ts';
import {
  memberConnectedAppsBody,
  organizationConnectedAppBody,
  organizationConnectedAppsBody,
} from './stytch-b2b-shapes.ts';
import { revokeBody } from './stytch-shapes.ts';

/** The proxy serves Stytch's routes under this base path. */
const API = '/api';
/** What a signed-in member's page sends: its member session JWT as a bearer token. */
const signedInGet = withHeaders({ Authorization: bearerSession() });
const signedInRevoke = jsonRequest({ Authorization: bearerSession() });

/**
 * The B2B interactions of consumer `connected-apps-react` with the proxy: the B2B hooks
 * (`@connected-apps/react/b2b`), through core's B2B proxy client, against Pact's mock of the proxy —
 * a member's page (their apps, their revoke) and an admin's (the organization's apps, one app and who
 * granted it, a revoke of a member's app). Each test renders the real hook and asserts what it shows.
 */
export function describeB2BReactInteractions(pact: () => PactV4): void {
  describe('B2B', () => {
    /** The B2B proxy client as a page creates it, pointed at the mock server, retries off. */
    const client = (url: string, sessionJwt?: string) =>
      createB2BProxyClient({
        baseUrl: `${url}${API}`,
        retry: false,
        ...(sessionJwt === undefined ? {} : { sessionJwt }),
      });
    const signedInClient = (url: string) => client(url, FAKE_SESSION_JWT);
    const wrapper =
      (c: ConnectedAppsB2BClient) =>
      ({ children }: { children: ReactNode }) => (
        <ConnectedAppsB2BProvider client={c}>{children}</ConnectedAppsB2BProvider>
      );

    /** Renders a query hook on `c` and waits for it to settle. */
    async function settled<T>(c: ConnectedAppsB2BClient, useQuery: () => QueryResult<T>) {
      const { result } = renderHook(useQuery, { wrapper: wrapper(c) });
      await waitFor(() => expect(result.current.status).not.toBe('pending'));
      return result.current;
    }

    /** Renders `useRevokeMemberConnectedApp`, revokes, and returns the settled hook. */
    async function revokeWithHook(c: ConnectedAppsB2BClient, member_id: string, connected_app_id: string) {
      const { result } = renderHook(() => useRevokeMemberConnectedApp(), { wrapper: wrapper(c) });
      await act(async () => {
        await result.current
          .revokeAsync({ organization_id: ORGANIZATION_ID, member_id, connected_app_id })
          .catch(() => undefined);
      });
      return result.current;
    }

    /** One member revoke the proxy answers with an error, and what the page must make of it. */
    interface RevokeError extends RevokeErrorCase<ConnectedAppsB2BClient> {
      /** Whose app. @default MEMBER_ID */
      member_id?: string;
      /** @default CONNECTED_APP_ID */
      connected_app_id?: string;
    }

    async function expectRevokeError(c: RevokeError): Promise<void> {
      const { member_id = MEMBER_ID, connected_app_id = CONNECTED_APP_ID } = c;
      await withStates(pact().addInteraction(), c.given)
        .uponReceiving(c.uponReceiving)
        .withRequest(
          'POST',
          memberRevokePath(ORGANIZATION_ID, member_id, connected_app_id, API),
          c.request ?? signedInRevoke,
        )
        .willRespondWith(c.status, c.answer)
        .executeTest(async (mock) => {
          const state = await revokeWithHook(
            (c.clientFor ?? signedInClient)(mock.url),
            member_id,
            connected_app_id,
          );
          expect(state.status).toBe('error');
          c.check(stytchApiError(state.error));
        });
    }

    it("lists the signed-in member's connected apps", async () => {
      await withStates(pact().addInteraction(), memberWithApp())
        .uponReceiving("a request for the signed-in member's connected apps")
        .withRequest('GET', memberAppsPath(ORGANIZATION_ID, MEMBER_ID, API), signedInGet)
        // One wire shape everywhere: the proxy answers with Stytch's list.
        .willRespondWith(200, jsonAnswer(memberConnectedAppsBody()))
        .executeTest(async (mock) => {
          const state = await settled(signedInClient(mock.url), () =>
            useMemberConnectedApps({ organization_id: ORGANIZATION_ID, member_id: MEMBER_ID }),
          );
          expect(state.status).toBe('success');
          expect(state.data).toEqual([CONNECTED_APP]);
        });
    });

    const successfulRevokes: Record<string, { given: ReadonlyArray<Given>; uponReceiving: string }> = {
      'revokes a connected app of the signed-in member and reports success': {
        given: memberWithApp(),
        uponReceiving: 'a revoke of a connected app by its signed-in member',
      },
      "revokes another member's connected app as an admin": {
        given: adminAndMemberWithApp,
        uponReceiving: "a revoke of a member's connected app by a signed-in admin",
      },
    };
    for (const [name, c] of Object.entries(successfulRevokes)) {
      it(name, async () => {
        await withStates(pact().addInteraction(), c.given)
          .uponReceiving(c.uponReceiving)
          .withRequest(
            'POST',
            memberRevokePath(ORGANIZATION_ID, MEMBER_ID, CONNECTED_APP_ID, API),
            signedInRevoke,
          )
          .willRespondWith(200, jsonAnswer(revokeBody()))
          .executeTest(async (mock) => {
            const state = await revokeWithHook(signedInClient(mock.url), MEMBER_ID, CONNECTED_APP_ID);
            expect(state.status).toBe('success');
            expect(state.data?.request_id).toMatch(/^request-id-test-/);
          });
      });
    }

    it("lists the organization's connected apps for an admin", async () => {
      await withStates(pact().addInteraction(), adminAndMemberWithApp)
        .uponReceiving("a request for the organization's connected apps by a signed-in admin")
        .withRequest('GET', organizationAppsPath(ORGANIZATION_ID, API), signedInGet)
        .willRespondWith(200, jsonAnswer(organizationConnectedAppsBody()))
        .executeTest(async (mock) => {
          const state = await settled(signedInClient(mock.url), () =>
            useOrganizationConnectedApps({ organization_id: ORGANIZATION_ID }),
          );
          expect(state.status).toBe('success');
          expect(state.data).toEqual([ORGANIZATION_CONNECTED_APP]);
        });
    });

    it('shows an admin one app and the members who granted it, each with their scopes', async () => {
      await withStates(pact().addInteraction(), adminAndMemberWithApp)
        .uponReceiving("a request for one of the organization's connected apps by a signed-in admin")
        .withRequest('GET', organizationAppPath(ORGANIZATION_ID, CONNECTED_APP_ID, API), signedInGet)
        .willRespondWith(200, jsonAnswer(organizationConnectedAppBody()))
        .executeTest(async (mock) => {
          const state = await settled(signedInClient(mock.url), () =>
            useOrganizationConnectedApp({
              organization_id: ORGANIZATION_ID,
              connected_app_id: CONNECTED_APP_ID,
            }),
          );
          expect(state.status).toBe('success');
          expect(state.data).toEqual({
            ...ORGANIZATION_CONNECTED_APP,
            // The pact's example: one scope (each is matched as one scope, not pinned).
            active_members: [{ member_id: MEMBER_ID, granted_scopes: GRANTED_SCOPES.slice(0, 1) }],
          });
        });
    });

    it("surfaces member_forbidden on the organization's apps for a member who is not an admin", async () => {
      const forbidden = proxyErrorAnswer(403, 'member_forbidden');
      await withStates(pact().addInteraction(), memberWithApp())
        .uponReceiving("a request for the organization's connected apps by a member who is not an admin")
        .withRequest('GET', organizationAppsPath(ORGANIZATION_ID, API), signedInGet)
        .willRespondWith(forbidden.status, forbidden.answer)
        .executeTest(async (mock) => {
          const state = await settled(signedInClient(mock.url), () =>
            useOrganizationConnectedApps({ organization_id: ORGANIZATION_ID }),
          );
          expect(state.status).toBe('error');
          forbidden.check(stytchApiError(state.error));
        });
    });

    it('surfaces organization_forbidden when the path names another organization', async () => {
      const otherOrganization = proxyErrorAnswer(403, 'organization_forbidden');
      await withStates(pact().addInteraction(), memberWithApp())
        .uponReceiving("a request for a member's connected apps in another organization")
        .withRequest('GET', memberAppsPath(OTHER_ORGANIZATION_ID, MEMBER_ID, API), signedInGet)
        .willRespondWith(otherOrganization.status, otherOrganization.answer)
        .executeTest(async (mock) => {
          const state = await settled(signedInClient(mock.url), () =>
            useMemberConnectedApps({ organization_id: OTHER_ORGANIZATION_ID, member_id: MEMBER_ID }),
          );
          expect(state.status).toBe('error');
          otherOrganization.check(stytchApiError(state.error));
        });
    });

    const revokeErrors: Record<string, RevokeError> = {
      'surfaces session_required when the caller has no session': {
        given: [organizationExists, memberExists(MEMBER_ID), memberHasConnectedApp(MEMBER_ID)],
        uponReceiving: "a revoke of a member's connected app without a session",
        request: jsonRequest(),
        clientFor: (url) => client(url),
        ...proxyErrorAnswer(401, 'session_required', { retryable: false }),
      },
      "surfaces member_forbidden when a member's roles do not permit revoking another member's app": {
        given: memberAndOtherMemberWithApp,
        uponReceiving: "a revoke of another member's connected app by a member who is not an admin",
        member_id: OTHER_MEMBER_ID,
        ...proxyErrorAnswer(403, 'member_forbidden'),
      },
      'surfaces connected_app_not_found from Stytch for an app the member never authorized': {
        given: [organizationExists, memberExists(MEMBER_ID), memberIsSignedIn(MEMBER_ID)],
        uponReceiving: 'a revoke of a connected app the signed-in member never authorized',
        connected_app_id: UNKNOWN_CONNECTED_APP_ID,
        ...connectedAppNotFound,
      },
      'surfaces too_many_requests with the delay from Retry-After': {
        given: [
          organizationExists,
          memberExists(RATE_LIMITED_MEMBER_ID),
          memberHasUsedUpRateLimit(RATE_LIMITED_MEMBER_ID),
        ],
        uponReceiving: 'a revoke from a member who has used up their rate limit',
        member_id: RATE_LIMITED_MEMBER_ID,
        ...rateLimited,
      },
    };
    for (const [name, revokeError] of Object.entries(revokeErrors)) {
      it(name, () => expectRevokeError(revokeError));
    }
  });
}
