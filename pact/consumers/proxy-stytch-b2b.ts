import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import type { ProxyApp } from '@connected-apps/proxy';
import { bearer, PROXY_BASE_PATH, sessionTokenCookie } from '@connected-apps/testkit';
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  adminAndMemberWithApp,
  memberAndOtherMemberWithApp,
  memberExists,
  memberIsSignedIn,
  memberWithApp,
  organizationDoesNotExist,
  organizationExists,
} from '../support/b2b-givens.ts';
import {
  ADMIN_MEMBER_ID,
  ADMIN_ROLE,
  CONNECTED_APP,
  CONNECTED_APP_ID,
  MEMBER_EXTERNAL_ID,
  MEMBER_ID,
  MEMBER_ROLE,
  ORGANIZATION,
  ORGANIZATION_CONNECTED_APP,
  OTHER_MEMBER_EXTERNAL_ID,
  OTHER_MEMBER_ID,
  OTHER_ORGANIZATION_EXTERNAL_ID,
  OTHER_ORGANIZATION_ID,
  UNKNOWN_CONNECTED_APP_ID,
  UNKNOWN_MEMBER_ID,
  UNKNOWN_ORGANIZATION_ID,
} from '../support/examples.ts';
import {
  authenticateRequest,
  type Given,
  jsonAnswer,
  jsonRequest,
  type RequestBuilder,
  withHeaders,
  withStates,
} from '../support/interactions.ts';
import { basicAuth, FAKE_PROJECT_ID, FAKE_SESSION_JWT, FAKE_SESSION_TOKEN, id } from '../support/matchers.ts';
import {
  B2B_SESSIONS_AUTHENTICATE_PATH,
  b2bJwksPath,
  memberAppsPath,
  memberLookupPath,
  memberRevokePath,
  organizationAppPath,
  organizationAppsPath,
  organizationPath,
  RBAC_POLICY_PATH,
} from '../support/paths.ts';
import { STATES } from '../support/provider-states.ts';
import { createLocalSessions, unavailableKeys } from './local-sessions.ts';
import { callProxy, proxyAgainst } from './proxy-under-test.ts';
import {
  b2bAuthenticateBody,
  memberConnectedAppsBody,
  membersGetBody,
  organizationConnectedAppBody,
  organizationConnectedAppsBody,
  organizationsGetBody,
  rbacPolicyBody,
} from './stytch-b2b-shapes.ts';
import { jwksBody, revokeBody, stytchErrorBody } from './stytch-shapes.ts';

const { fromProviderState } = MatchersV3;

/** The member-authorization header, spelled out here as the paths are (see `support/paths.ts`). */
const MEMBER_SESSION_JWT = 'X-Stytch-Member-SessionJWT';

/** The roles in an admin's session JWT. */
const ADMIN_ROLES = [MEMBER_ROLE, ADMIN_ROLE];

/** The lookups and the RBAC policy: Basic auth alone. */
const basicAuthOnly = withHeaders({ Authorization: basicAuth() });
/**
 * The forwarded calls: Basic auth, and the caller's member session JWT, so that Stytch applies the
 * member's RBAC permissions again. The verification injects a live session (`${session_jwt}`).
 */
const asMember = {
  Authorization: basicAuth(),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Pact's provider-state expression, not a template
  [MEMBER_SESSION_JWT]: fromProviderState('${session_jwt}', FAKE_SESSION_JWT),
};
const asMemberGet: RequestBuilder = withHeaders(asMember);
const asMemberPost: RequestBuilder = jsonRequest(asMember);

/** The proxy's B2B paths, as the browser sends them (core builds them; the pact spells Stytch's out). */
const proxy = {
  list: (organization_id: string, member_id: string) =>
    PROXY_BASE_PATH +
    stytchPath(STYTCH_ROUTES.b2bMembersConnectedApps.template, { organization_id, member_id }),
  revoke: (organization_id: string, member_id: string, connected_app_id: string) =>
    PROXY_BASE_PATH +
    stytchPath(STYTCH_ROUTES.b2bMembersRevoke.template, { organization_id, member_id, connected_app_id }),
  organizationApps: (organization_id: string) =>
    PROXY_BASE_PATH + stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApps.template, { organization_id }),
  organizationApp: (organization_id: string, connected_app_id: string) =>
    PROXY_BASE_PATH +
    stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApp.template, { organization_id, connected_app_id }),
};

/**
 * The B2B interactions of consumer `connected-apps-proxy` with `stytch-api`: the real proxy's B2B
 * routes against Pact's mock of Stytch. The caller's member session JWT is verified locally (so no
 * JWKS call), and each test asserts what the proxy answers the browser. Most routes first read the
 * project's RBAC policy: that interaction is added beside the one under test, and the mock serves both.
 */
export function describeB2BStytchInteractions(pact: () => PactV4): void {
  describe('B2B', () => {
    let sessions: Awaited<ReturnType<typeof createLocalSessions>>;
    let app: ProxyApp | undefined;
    beforeAll(async () => {
      sessions = await createLocalSessions(FAKE_PROJECT_ID);
    });
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    /** A proxy verifying member sessions locally, and the headers of `member_id`'s session. */
    async function signedIn(url: string, member_id: string, roles: string[] = [MEMBER_ROLE]) {
      app = proxyAgainst(url, { jwks: sessions.keys, b2bJwks: sessions.keys });
      const organization = {
        organization_id: ORGANIZATION.organization_id,
        slug: ORGANIZATION.organization_slug,
      };
      return { proxy: app, headers: bearer(await sessions.signMember(member_id, organization, roles)) };
    }

    /** The signed-in member's list of their own apps, through a proxy verifying their session locally. */
    const listAsMember = async (url: string) => {
      const { proxy: p, headers } = await signedIn(url, MEMBER_ID);
      return callProxy(p, 'GET', proxy.list(ORGANIZATION.organization_id, MEMBER_ID), headers);
    };

    /** A member's list of their apps in `organization_id`, sent with the opaque session token (which the proxy authenticates with Stytch). */
    const listWithSessionToken = (url: string, organization_id: string) => {
      app = proxyAgainst(url);
      return callProxy(
        app,
        'GET',
        proxy.list(organization_id, MEMBER_ID),
        sessionTokenCookie(FAKE_SESSION_TOKEN),
      );
    };

    /** The project's RBAC policy, which the proxy reads before deciding (Stytch's default roles). */
    const expectPolicyRequest = () => {
      pact()
        .addInteraction()
        .uponReceiving("a request for the project's RBAC policy")
        .withRequest('GET', RBAC_POLICY_PATH, basicAuthOnly)
        .willRespondWith(200, jsonAnswer(rbacPolicyBody()));
    };

    it("forwards a member's list of their own apps with their session, and answers Stytch's list", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), memberWithApp())
        .uponReceiving("a request for a member's connected apps, with the member's session")
        .withRequest('GET', memberAppsPath(ORGANIZATION.organization_id, MEMBER_ID), asMemberGet)
        .willRespondWith(200, jsonAnswer(memberConnectedAppsBody()))
        .executeTest(async (mock) => {
          const { status, body } = await listAsMember(mock.url);
          expect(status).toBe(200);
          expect(body.connected_apps).toEqual([CONNECTED_APP]);
        });
    });

    it("forwards a member's revoke of their own app with their session", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), memberWithApp())
        .uponReceiving("a revoke of a member's connected app, with the member's session")
        .withRequest(
          'POST',
          memberRevokePath(ORGANIZATION.organization_id, MEMBER_ID, CONNECTED_APP_ID),
          asMemberPost,
        )
        .willRespondWith(200, jsonAnswer(revokeBody()))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, MEMBER_ID);
          const path = proxy.revoke(ORGANIZATION.organization_id, MEMBER_ID, CONNECTED_APP_ID);
          const { status, body } = await callProxy(p, 'POST', path, headers);
          expect(status).toBe(200);
          expect(body).toEqual({ request_id: expect.stringMatching(/^request-id-test-/), status_code: 200 });
        });
    });

    it("forwards an admin's revoke of another member's app with the admin's session", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), adminAndMemberWithApp)
        .uponReceiving("a revoke of a member's connected app, with an admin's session")
        .withRequest(
          'POST',
          memberRevokePath(ORGANIZATION.organization_id, MEMBER_ID, CONNECTED_APP_ID),
          asMemberPost,
        )
        .willRespondWith(200, jsonAnswer(revokeBody()))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, ADMIN_MEMBER_ID, ADMIN_ROLES);
          const path = proxy.revoke(ORGANIZATION.organization_id, MEMBER_ID, CONNECTED_APP_ID);
          const { status } = await callProxy(p, 'POST', path, headers);
          expect(status).toBe(200);
        });
    });

    it("forwards an admin's view of the organization's apps", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), adminAndMemberWithApp)
        .uponReceiving("a request for the organization's connected apps, with an admin's session")
        .withRequest('GET', organizationAppsPath(ORGANIZATION.organization_id), asMemberGet)
        .willRespondWith(200, jsonAnswer(organizationConnectedAppsBody()))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, ADMIN_MEMBER_ID, ADMIN_ROLES);
          const { status, body } = await callProxy(
            p,
            'GET',
            proxy.organizationApps(ORGANIZATION.organization_id),
            headers,
          );
          expect(status).toBe(200);
          expect(body.connected_apps).toEqual([ORGANIZATION_CONNECTED_APP]);
        });
    });

    it("forwards an admin's view of one app and the members who granted it", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), adminAndMemberWithApp)
        .uponReceiving("a request for one of the organization's connected apps, with an admin's session")
        .withRequest('GET', organizationAppPath(ORGANIZATION.organization_id, CONNECTED_APP_ID), asMemberGet)
        .willRespondWith(200, jsonAnswer(organizationConnectedAppBody()))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, ADMIN_MEMBER_ID, ADMIN_ROLES);
          const path = proxy.organizationApp(ORGANIZATION.organization_id, CONNECTED_APP_ID);
          const { status, body } = await callProxy(p, 'GET', path, headers);
          expect(status).toBe(200);
          expect(body).toMatchObject({
            ...ORGANIZATION_CONNECTED_APP,
            active_members: [{ member_id: MEMBER_ID, granted_scopes: ['openid'] }],
          });
        });
    });

    /** A forwarded call Stytch answers with an error, which the proxy must pass through unchanged. */
    interface ForwardedError {
      given: ReadonlyArray<Given>;
      description: string;
      /** A revoke of `member_id`'s app, or the list of `member_id`'s apps. */
      call: 'revoke' | 'list';
      /** @default MEMBER_ID */
      member_id?: string;
      /** The app of a revoke. @default CONNECTED_APP_ID */
      connected_app_id?: string;
      /** Who calls, and their roles in the session JWT. @default MEMBER_ID, a plain member */
      caller?: { member_id: string; roles: string[] };
      status: number;
      error_type: string;
    }

    /** A member's revoke or list: as the browser sends it to the proxy, and as the proxy forwards it to Stytch. */
    const forwardedCall = (call: ForwardedError['call'], member_id: string, connected_app_id: string) => {
      const { organization_id } = ORGANIZATION;
      return call === 'revoke'
        ? {
            method: 'POST' as const,
            atProxy: proxy.revoke(organization_id, member_id, connected_app_id),
            atStytch: memberRevokePath(organization_id, member_id, connected_app_id),
            request: asMemberPost,
          }
        : {
            method: 'GET' as const,
            atProxy: proxy.list(organization_id, member_id),
            atStytch: memberAppsPath(organization_id, member_id),
            request: asMemberGet,
          };
    };

    describe("passes Stytch's errors on forwarded calls through unchanged", () => {
      const forwardedErrors: Record<string, ForwardedError> = {
        '404 connected_app_not_found on a revoke of an app the member never authorized': {
          given: [organizationExists, memberExists(MEMBER_ID), memberIsSignedIn(MEMBER_ID)],
          description: 'a revoke of a connected app the member never authorized',
          call: 'revoke',
          connected_app_id: UNKNOWN_CONNECTED_APP_ID,
          status: 404,
          error_type: 'connected_app_not_found',
        },
        "404 member_not_found on an admin's list of a member that does not exist": {
          given: [
            organizationExists,
            memberExists(ADMIN_MEMBER_ID, { roles: ADMIN_ROLE }),
            memberIsSignedIn(ADMIN_MEMBER_ID),
          ],
          description:
            'a request for the connected apps of a member that does not exist, with an admin’s session',
          call: 'list',
          member_id: UNKNOWN_MEMBER_ID,
          caller: { member_id: ADMIN_MEMBER_ID, roles: ADMIN_ROLES },
          status: 404,
          error_type: 'member_not_found',
        },
        // The JWT (valid for minutes) still says admin; at Stytch the member's session no longer is one.
        '403 session_authorization_error when Stytch refuses what the session JWT still claims': {
          given: memberAndOtherMemberWithApp,
          description:
            "a revoke of another member's connected app, with a session whose roles do not permit it",
          call: 'revoke',
          member_id: OTHER_MEMBER_ID,
          caller: { member_id: MEMBER_ID, roles: ADMIN_ROLES },
          status: 403,
          error_type: 'session_authorization_error',
        },
        "401 unauthorized_credentials on a member's revoke": {
          given: [...memberWithApp(), [STATES.credentialsAreWrong]],
          description: "a member's revoke with credentials that are not the project’s",
          call: 'revoke',
          status: 401,
          error_type: 'unauthorized_credentials',
        },
        "429 too_many_requests on a member's revoke": {
          given: [...memberWithApp(), [STATES.stytchIsRateLimiting]],
          description: "a member's revoke while Stytch is rate limiting the project",
          call: 'revoke',
          status: 429,
          error_type: 'too_many_requests',
        },
        "500 internal_server_error on a member's revoke": {
          given: [...memberWithApp(), [STATES.stytchHasInternalError]],
          description: "a member's revoke while Stytch has an internal error",
          call: 'revoke',
          status: 500,
          error_type: 'internal_server_error',
        },
      };

      for (const [name, c] of Object.entries(forwardedErrors)) {
        it(name, async () => {
          const { member_id = MEMBER_ID, connected_app_id = CONNECTED_APP_ID } = c;
          const caller = c.caller ?? { member_id: MEMBER_ID, roles: [MEMBER_ROLE] };
          const forwarded = forwardedCall(c.call, member_id, connected_app_id);
          expectPolicyRequest();
          await withStates(pact().addInteraction(), c.given)
            .uponReceiving(c.description)
            .withRequest(forwarded.method, forwarded.atStytch, forwarded.request)
            .willRespondWith(c.status, jsonAnswer(stytchErrorBody(c.status, c.error_type)))
            .executeTest(async (mock) => {
              const { proxy: p, headers } = await signedIn(mock.url, caller.member_id, caller.roles);
              const { status, body } = await callProxy(p, forwarded.method, forwarded.atProxy, headers);
              expect(status).toBe(c.status);
              expect(body).toMatchObject({ status_code: c.status, error_type: c.error_type });
              expect(body.request_id).toMatch(/^request-id-test-/);
            });
        });
      }
    });

    it('answers upstream_unavailable when the RBAC policy cannot be read, and forwards nothing', async () => {
      await pact()
        .addInteraction()
        .given(STATES.stytchHasInternalError)
        .uponReceiving("a request for the project's RBAC policy while Stytch has an internal error")
        .withRequest('GET', RBAC_POLICY_PATH, basicAuthOnly)
        .willRespondWith(500, jsonAnswer(stytchErrorBody(500, 'internal_server_error')))
        .executeTest(async (mock) => {
          const { status, body } = await listAsMember(mock.url);
          // Stytch's 500 on the policy is not the caller's error to see: the proxy's own 502.
          expect(status).toBe(502);
          expect(body).toMatchObject({ status_code: 502, error_type: 'upstream_unavailable' });
        });
    });

    it("looks up its own organization's other names to recognise a path naming it by external id", async () => {
      await withStates(pact().addInteraction(), [organizationExists])
        .uponReceiving('a request for an organization')
        .withRequest('GET', organizationPath(ORGANIZATION.organization_id), basicAuthOnly)
        .willRespondWith(200, jsonAnswer(organizationsGetBody()))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, MEMBER_ID);
          // Not one of the caller's organization's names (Stytch's answer says which are): refused.
          const path = proxy.list(OTHER_ORGANIZATION_EXTERNAL_ID, MEMBER_ID);
          const { status, body } = await callProxy(p, 'GET', path, headers);
          expect(status).toBe(403);
          expect(body).toMatchObject({ error_type: 'organization_forbidden' });
        });
    });

    it('has no other names for an organization Stytch does not find', async () => {
      await withStates(pact().addInteraction(), [organizationDoesNotExist(UNKNOWN_ORGANIZATION_ID)])
        .uponReceiving('a request for an organization that does not exist')
        .withRequest('GET', organizationPath(UNKNOWN_ORGANIZATION_ID), basicAuthOnly)
        .willRespondWith(404, jsonAnswer(stytchErrorBody(404, 'organization_not_found')))
        .executeTest(async (mock) => {
          app = proxyAgainst(mock.url, { jwks: sessions.keys, b2bJwks: sessions.keys });
          const organization = { organization_id: UNKNOWN_ORGANIZATION_ID, slug: 'gone-org' };
          const jwt = await sessions.signMember(MEMBER_ID, organization, [MEMBER_ROLE]);
          const path = proxy.list(OTHER_ORGANIZATION_EXTERNAL_ID, MEMBER_ID);
          const { status, body } = await callProxy(app, 'GET', path, bearer(jwt));
          expect(status).toBe(403);
          expect(body).toMatchObject({ error_type: 'organization_forbidden' });
        });
    });

    it("looks up the caller's own member to recognise a path naming them by external id", async () => {
      expectPolicyRequest();
      await withStates(pact().addInteraction(), [
        organizationExists,
        memberExists(MEMBER_ID, { external_id: MEMBER_EXTERNAL_ID }),
      ])
        .uponReceiving('a request for a member by id')
        .withRequest('GET', memberLookupPath(ORGANIZATION.organization_id), (req) => {
          req.headers({ Authorization: basicAuth() }).query({ member_id: id(MEMBER_ID) });
        })
        .willRespondWith(200, jsonAnswer(membersGetBody(MEMBER_ID, MEMBER_EXTERNAL_ID)))
        .executeTest(async (mock) => {
          const { proxy: p, headers } = await signedIn(mock.url, MEMBER_ID);
          // A plain member naming an external id that is not theirs (Stytch's answer says theirs).
          const path = proxy.list(ORGANIZATION.organization_id, OTHER_MEMBER_EXTERNAL_ID);
          const { status, body } = await callProxy(p, 'GET', path, headers);
          expect(status).toBe(403);
          expect(body).toMatchObject({ error_type: 'member_forbidden' });
        });
    });

    it('confirms an opaque member session token with B2B sessions/authenticate and acts in its organization', async () => {
      await withStates(pact().addInteraction(), [
        organizationExists,
        memberExists(MEMBER_ID),
        memberIsSignedIn(MEMBER_ID),
      ])
        .uponReceiving('an authentication of a member session token')
        .withRequest('POST', B2B_SESSIONS_AUTHENTICATE_PATH, authenticateRequest())
        .willRespondWith(200, jsonAnswer(b2bAuthenticateBody(MEMBER_ID)))
        .executeTest(async (mock) => {
          // Another organization's list: the proxy must authenticate the session (the one upstream
          // call) and then refuse, which shows it took the organization from Stytch's answer.
          const { status, body } = await listWithSessionToken(mock.url, OTHER_ORGANIZATION_ID);
          expect(status).toBe(403);
          expect(body).toMatchObject({ error_type: 'organization_forbidden' });
        });
    });

    it('answers session_invalid for a member session token Stytch does not know', async () => {
      await pact()
        .addInteraction()
        .uponReceiving('an authentication of a member session token Stytch does not know')
        .withRequest(
          'POST',
          B2B_SESSIONS_AUTHENTICATE_PATH,
          authenticateRequest(MatchersV3.string(FAKE_SESSION_TOKEN)),
        )
        .willRespondWith(404, jsonAnswer(stytchErrorBody(404, 'session_not_found')))
        .executeTest(async (mock) => {
          const { status, body } = await listWithSessionToken(mock.url, ORGANIZATION.organization_id);
          expect(status).toBe(401);
          expect(body).toMatchObject({ error_type: 'session_invalid' });
        });
    });

    it("fetches the project's B2B JWKS to verify member session JWTs", async () => {
      await pact()
        .addInteraction()
        .uponReceiving("a request for the project's B2B JSON Web Key Set")
        .withRequest('GET', b2bJwksPath(FAKE_PROJECT_ID), basicAuthOnly)
        .willRespondWith(200, jsonAnswer(jwksBody()))
        .executeTest(async (mock) => {
          // A B2B project has no consumer key set: readiness is then its member keys alone.
          app = proxyAgainst(mock.url, { jwks: unavailableKeys('consumer') });
          const { status, body } = await callProxy(app, 'GET', '/readyz', {});
          expect(status).toBe(200);
          expect(body).toEqual({ status: 'ok', jwks: 'fetched' });
        });
    });
  });
}
