import type { StytchErrorBody } from '@connected-apps/core/wire';
import { memberObject, organizationObject } from '../domain/organizations.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { readSessionArguments } from './session-arguments.ts';
import { stytchError } from './stytch-errors.ts';

/**
 * `POST /v1/b2b/sessions/authenticate`: the consumer call's arguments and rules (exactly one of
 * `session_token` / `session_jwt`; an expired JWT still authenticates while its session lives;
 * `session_duration_minutes` extends it), for member sessions. An `authorization_check`
 * (`{organization_id, resource_id, action}`) is answered as Stytch does: 403
 * `session_authorization_error` unless the organization is the member's and a role permits the action,
 * else the answer carries `verdict: {authorized: true, granting_roles}`.
 */
export async function b2bSessionsAuthenticate(
  state: EmulatorState,
  body: Record<string, unknown>,
  requestId: string,
): Promise<{ status: number; body: object }> {
  const fail = (error: StytchErrorBody) => ({ status: error.status_code, body: error });
  const args = readSessionArguments(body, requestId);
  if ('error' in args) return fail(args.error);
  const check = body.authorization_check;
  if (check !== undefined && !isAuthorizationCheck(check)) {
    return fail(
      stytchError(
        'bad_request',
        requestId,
        'authorization_check must be { organization_id, resource_id, action }.',
      ),
    );
  }

  const live = await state.memberSessions.findByCredential(args, (jwt) => state.jwt.verify(jwt));
  const organization = live ? state.organizations.findOrganization(live.session.organization_id) : undefined;
  const member =
    live && organization ? state.organizations.findMember(organization, live.session.member_id) : undefined;
  if (!live || !organization || !member) return fail(stytchError('session_not_found', requestId));

  let verdict: { authorized: true; granting_roles: string[] } | undefined;
  if (check) {
    const granting = live.session.roles.filter((role) =>
      state.rbac.permits([role], check.resource_id, check.action),
    );
    if (check.organization_id !== organization.organization_id || granting.length === 0) {
      return fail(stytchError('session_authorization_error', requestId));
    }
    verdict = { authorized: true, granting_roles: granting };
  }

  const session = state.memberSessions.touch(live.session.member_session_id, args.minutes) ?? live.session;
  return {
    status: 200,
    body: {
      request_id: requestId,
      status_code: 200,
      member_session: session,
      session_token: live.token,
      session_jwt: await state.jwt.signMember(session),
      member: memberObject(member),
      organization: organizationObject(organization),
      ...(verdict ? { verdict } : {}),
    },
  };
}

function isAuthorizationCheck(
  value: unknown,
): value is { organization_id: string; resource_id: string; action: string } {
  const check = value as Record<string, unknown>;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof check.organization_id === 'string' &&
    typeof check.resource_id === 'string' &&
    typeof check.action === 'string'
  );
}
