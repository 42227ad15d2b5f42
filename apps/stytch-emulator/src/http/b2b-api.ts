import { STYTCH_ROUTES, type StytchErrorBody, type StytchRoute } from '@connected-apps/core/wire';
import type { Context, Handler } from 'hono';
import { isWellFormedOrganizationRef, isWellFormedUserId } from '../domain/ids.ts';
import {
  type MemberRecord,
  memberObject,
  type OrganizationRecord,
  organizationObject,
} from '../domain/organizations.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { b2bSessionsAuthenticate } from './b2b-sessions-authenticate.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { json } from './json-response.ts';
import { jwks } from './jwks.ts';
import { checkMemberSession } from './member-authorization.ts';
import { readJsonObject } from './read-json.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

type Serve = (route: StytchRoute, handler: Handler<EmulatorEnv>) => void;

/**
 * Stytch's B2B paths, from core's wire like the consumer ones: a member's connected apps and their
 * revoke, the organization's admin views (its apps, one app's active members), the organization and
 * member lookups, member sessions (authenticate, JWKS) and the RBAC policy. `organization_id` may be
 * the id, slug or external id, `member_id` the id or external id, as Stytch resolves them. The
 * connected-apps calls honour a member's session headers (see `member-authorization.ts`).
 */
export function serveB2BApi(state: EmulatorState, serve: Serve): void {
  // The organization a path names, or the error Stytch answers: 400 for a malformed id, 404 for none.
  const organizationOf = (c: Context, requestId: string): OrganizationRecord | StytchErrorBody => {
    const ref = c.req.param('organization_id') ?? '';
    if (!isWellFormedOrganizationRef(ref)) return stytchError('invalid_organization_id', requestId);
    return state.organizations.findOrganization(ref) ?? stytchError('organization_not_found', requestId);
  };
  const memberRef = (c: Context) => c.req.param('member_id') ?? '';

  // A call on one member's apps: the organization, the member id's format, the member session's
  // permission (checked before the member is looked up, so a refused caller learns nothing of it),
  // then the member.
  const memberCall =
    (
      action: string,
      answer: (c: Context, member: MemberRecord, requestId: string) => Promise<Response> | Response,
    ) =>
    async (c: Context<EmulatorEnv>) => {
      const requestId = state.newRequestId();
      const organization = organizationOf(c, requestId);
      if (isError(organization)) return errorResponse(organization);
      const ref = memberRef(c);
      if (!isWellFormedUserId(ref)) return errorResponse(stytchError('invalid_member_id', requestId));
      const member = state.organizations.findMember(organization, ref);
      const refused = await checkMemberSession(c, state, organization, { action, target: member }, requestId);
      if (refused) return errorResponse(refused);
      if (!member) return errorResponse(stytchError('member_not_found', requestId));
      return answer(c, member, requestId);
    };

  serve(
    STYTCH_ROUTES.b2bMembersConnectedApps,
    memberCall('get.connected-apps', (_c, member, requestId) =>
      json({
        request_id: requestId,
        status_code: 200,
        connected_apps: state.organizations.connectedAppsOf(member),
      }),
    ),
  );

  serve(
    STYTCH_ROUTES.b2bMembersRevoke,
    memberCall('revoke.connected-app', async (c, member, requestId) => {
      await readJsonObject(c);
      const outcome = state.organizations.revoke(member, c.req.param('connected_app_id') ?? '');
      if (outcome === 'connected_app_not_found') return errorResponse(stytchError(outcome, requestId));
      return json({ request_id: requestId, status_code: 200 });
    }),
  );

  // An admin view of the organization: with a member's session, it needs `get.connected-apps` on
  // `stytch.member`.
  const adminView =
    (answer: (c: Context, organization: OrganizationRecord, requestId: string) => Response) =>
    async (c: Context<EmulatorEnv>) => {
      const requestId = state.newRequestId();
      const organization = organizationOf(c, requestId);
      if (isError(organization)) return errorResponse(organization);
      const check = { action: 'get.connected-apps' };
      const refused = await checkMemberSession(c, state, organization, check, requestId);
      if (refused) return errorResponse(refused);
      return answer(c, organization, requestId);
    };

  serve(
    STYTCH_ROUTES.b2bOrganizationConnectedApps,
    adminView((_c, organization, requestId) =>
      json({
        request_id: requestId,
        status_code: 200,
        connected_apps: state.organizations.organizationApps(organization),
      }),
    ),
  );

  serve(
    STYTCH_ROUTES.b2bOrganizationConnectedApp,
    adminView((c, organization, requestId) => {
      const app = state.directory.findApp(c.req.param('connected_app_id') ?? '');
      if (!app) return errorResponse(stytchError('connected_app_not_found', requestId));
      return json({
        request_id: requestId,
        status_code: 200,
        ...app,
        active_members: state.organizations.activeMembers(organization, app.connected_app_id),
      });
    }),
  );

  serve(STYTCH_ROUTES.b2bOrganizationsGet, (c) => {
    const requestId = state.newRequestId();
    const organization = organizationOf(c, requestId);
    if (isError(organization)) return errorResponse(organization);
    return json({ request_id: requestId, status_code: 200, organization: organizationObject(organization) });
  });

  // `organizations.members.get`: the member by `member_id` (id or external id) or `email_address`.
  serve(STYTCH_ROUTES.b2bMembersGet, (c) => {
    const requestId = state.newRequestId();
    const organization = organizationOf(c, requestId);
    if (isError(organization)) return errorResponse(organization);
    const ref = c.req.query('member_id');
    const email = c.req.query('email_address');
    if (ref === undefined && email === undefined) {
      return errorResponse(
        stytchError('bad_request', requestId, 'One of member_id or email_address is required.'),
      );
    }
    if (ref !== undefined && !isWellFormedUserId(ref))
      return errorResponse(stytchError('invalid_member_id', requestId));
    const member =
      ref !== undefined
        ? state.organizations.findMember(organization, ref)
        : state.organizations.findMemberByEmail(organization, email ?? '');
    if (!member) return errorResponse(stytchError('member_not_found', requestId));
    return json({
      request_id: requestId,
      status_code: 200,
      member_id: member.member_id,
      member: memberObject(member),
      organization: organizationObject(organization),
    });
  });

  serve(STYTCH_ROUTES.b2bSessionsGetJWKS, jwks(state));

  serve(STYTCH_ROUTES.b2bSessionsAuthenticate, async (c) => {
    const body = await readJsonObject(c);
    const { status, body: answer } = await b2bSessionsAuthenticate(state, body, state.newRequestId());
    return json(answer, status);
  });

  serve(STYTCH_ROUTES.b2bRbacPolicy, () =>
    json({ request_id: state.newRequestId(), status_code: 200, policy: state.rbac.policy }),
  );
}

function isError(value: OrganizationRecord | StytchErrorBody): value is StytchErrorBody {
  return 'error_type' in value;
}
