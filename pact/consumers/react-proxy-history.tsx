import { createRevocationHistoryClient, isStytchApiError } from '@connected-apps/core';
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { memberAndOtherMemberWithApp, memberWhoRevokedApp } from '../support/b2b-givens.ts';
import {
  CONNECTED_APP_ID,
  HISTORY_USER_ID,
  MEMBER_ID,
  ORGANIZATION_ID,
  OTHER_MEMBER_ID,
  OTHER_USER_ID,
  USER_ID,
} from '../support/examples.ts';
import { jsonAnswer, withHeaders, withStates } from '../support/interactions.ts';
import { bearerSession, FAKE_SESSION_JWT, id, rfc3339, stytchRequestId } from '../support/matchers.ts';
import { memberRevocationsPath, revocationsPath } from '../support/paths.ts';
import { STATES } from '../support/provider-states.ts';
import { proxyError, proxyRequestId } from './react-proxy-shapes.ts';

const { eachLike, string } = MatchersV3;
const API = '/api';

type Matched = ReturnType<typeof id> | null;

/** One recorded revoke of the example app, by `actor` on `subject`'s app, as both histories show it. */
const revocationRow = (
  actor: { user_id: Matched; member_id: Matched; session_id: Matched },
  subject: { user_id: Matched; organization_id: Matched; member_id: Matched },
) => ({
  occurred_at: rfc3339('2026-12-01T09:30:00.123Z'),
  request_id: proxyRequestId(),
  stytch_request_id: stytchRequestId(),
  action: 'revoke',
  connected_app_id: id(CONNECTED_APP_ID),
  outcome: 'revoked',
  status_code: 200,
  error_type: null,
  actor: { ...actor, as_admin: false },
  subject,
  client_address: string('203.0.113.7'),
  user_agent: string('Mozilla/5.0'),
});

/** The one-page answer both histories give: that revoke, and no cursor for a next page. */
const onePage = (...row: Parameters<typeof revocationRow>) =>
  jsonAnswer({
    request_id: proxyRequestId(),
    status_code: 200,
    revocations: eachLike(revocationRow(...row)),
    next_cursor: null,
  });

/**
 * The revocation history (a proxy-only route, read from its audit trail), through core's
 * `createRevocationHistoryClient`: the page a user reads to see what they cut off, and when.
 */
export function describeHistoryInteractions(pact: () => PactV4): void {
  const history = (url: string) =>
    createRevocationHistoryClient({ baseUrl: `${url}${API}`, sessionJwt: FAKE_SESSION_JWT, retry: false });
  const signedIn = withHeaders({ Authorization: bearerSession() });

  describe('revocation history (proxy only)', () => {
    it("reads the signed-in user's recorded revokes, newest first, on one page", async () => {
      await pact()
        .addInteraction()
        .given(STATES.userRevokedConnectedApp, {
          user_id: HISTORY_USER_ID,
          connected_app_id: CONNECTED_APP_ID,
        })
        .uponReceiving("a read of the signed-in user's revocation history")
        .withRequest('GET', revocationsPath(HISTORY_USER_ID, API), signedIn)
        .willRespondWith(
          200,
          onePage(
            {
              user_id: id(HISTORY_USER_ID),
              member_id: null,
              session_id: id('session-test-fe6c042b-6286-479f-8a4f-b046a6c46509'),
            },
            { user_id: id(HISTORY_USER_ID), organization_id: null, member_id: null },
          ),
        )
        .executeTest(async (mock) => {
          const page = await history(mock.url).users.revocations({ user_id: HISTORY_USER_ID });
          expect(page.next_cursor).toBeNull();
          expect(page.revocations).toHaveLength(1);
          expect(page.revocations[0]).toMatchObject({
            action: 'revoke',
            outcome: 'revoked',
            connected_app_id: CONNECTED_APP_ID,
            subject: { user_id: HISTORY_USER_ID },
          });
          expect(Date.parse(page.revocations[0]?.occurred_at ?? '')).not.toBeNaN();
        });
    });

    it("surfaces user_forbidden for another user's history", async () => {
      await pact()
        .addInteraction()
        .given(STATES.userIsSignedIn, { user_id: USER_ID })
        .uponReceiving("a read of another user's revocation history")
        .withRequest('GET', revocationsPath(OTHER_USER_ID, API), signedIn)
        .willRespondWith(403, jsonAnswer(proxyError(403, 'user_forbidden')))
        .executeTest(async (mock) => {
          const error = await history(mock.url)
            .users.revocations({ user_id: OTHER_USER_ID })
            .catch((caught: unknown) => caught);
          expect(isStytchApiError(error) && error.error_type).toBe('user_forbidden');
          expect(error).toMatchObject({ status_code: 403 });
        });
    });

    it("reads the signed-in member's recorded revokes (B2B), in the same page shape", async () => {
      await withStates(pact().addInteraction(), memberWhoRevokedApp)
        .uponReceiving("a read of the signed-in member's revocation history")
        .withRequest('GET', memberRevocationsPath(ORGANIZATION_ID, MEMBER_ID, API), signedIn)
        .willRespondWith(
          200,
          onePage(
            {
              user_id: null,
              member_id: id(MEMBER_ID),
              session_id: id('member-session-test-e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b'),
            },
            { user_id: null, organization_id: id(ORGANIZATION_ID), member_id: id(MEMBER_ID) },
          ),
        )
        .executeTest(async (mock) => {
          const page = await history(mock.url).organizations.members.revocations({
            organization_id: ORGANIZATION_ID,
            member_id: MEMBER_ID,
          });
          expect(page.next_cursor).toBeNull();
          expect(page.revocations[0]).toMatchObject({
            outcome: 'revoked',
            connected_app_id: CONNECTED_APP_ID,
            subject: { organization_id: ORGANIZATION_ID, member_id: MEMBER_ID },
          });
        });
    });

    it("surfaces member_forbidden for another member's history without the permission", async () => {
      await withStates(pact().addInteraction(), memberAndOtherMemberWithApp)
        .uponReceiving("a plain member's read of another member's revocation history")
        .withRequest('GET', memberRevocationsPath(ORGANIZATION_ID, OTHER_MEMBER_ID, API), signedIn)
        .willRespondWith(403, jsonAnswer(proxyError(403, 'member_forbidden')))
        .executeTest(async (mock) => {
          const error = await history(mock.url)
            .organizations.members.revocations({
              organization_id: ORGANIZATION_ID,
              member_id: OTHER_MEMBER_ID,
            })
            .catch((caught: unknown) => caught);
          expect(isStytchApiError(error) && error.error_type).toBe('member_forbidden');
          expect(error).toMatchObject({ status_code: 403 });
        });
    });
  });
}
