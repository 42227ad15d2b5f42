import {
  CONNECTED_APPS_RBAC,
  MEMBER_SESSION_HEADER,
  MEMBER_SESSION_JWT_HEADER,
  type StytchErrorBody,
} from '@connected-apps/core/wire';
import type { Context } from 'hono';
import type { MemberRecord, OrganizationRecord } from '../domain/organizations.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { stytchError } from './stytch-errors.ts';

/** The resources of Stytch's RBAC a connected-apps call is checked on. */
export const SELF = CONNECTED_APPS_RBAC.self;
export const MEMBER = CONNECTED_APPS_RBAC.member;

/** What a B2B call asks of the member whose session runs it. */
export interface MemberCheck {
  /** `get.connected-apps` or `revoke.connected-app`. */
  action: string;
  /**
   * The member the call acts on, when it acts on one: the member's own apps need the action on
   * `stytch.self` (or `stytch.member`); another member's need it on `stytch.member`. Without one (an
   * organization's admin views), the action is needed on `stytch.member`.
   */
  target?: MemberRecord | undefined;
}

/**
 * Stytch's RBAC on endpoints that accept `X-Stytch-Member-Session` / `X-Stytch-Member-SessionJWT`:
 * without either header, nothing is checked (the project secret may do anything). With one, the session
 * must be live (else 404 `session_not_found`), belong to the organization in the path, and hold a role
 * whose permissions include the action (else 403 `session_authorization_error`). Returns the error to
 * answer, or undefined to go on.
 */
export async function checkMemberSession(
  c: Context,
  state: EmulatorState,
  organization: OrganizationRecord,
  check: MemberCheck,
  requestId: string,
): Promise<StytchErrorBody | undefined> {
  const token = c.req.header(MEMBER_SESSION_HEADER);
  const jwt = c.req.header(MEMBER_SESSION_JWT_HEADER);
  if (token === undefined && jwt === undefined) return undefined;
  const live = await state.memberSessions.findByCredential({ token, jwt }, (jwt) => state.jwt.verify(jwt));
  if (!live) return stytchError('session_not_found', requestId);
  const { session } = live;
  if (session.organization_id !== organization.organization_id) {
    return stytchError('session_authorization_error', requestId);
  }
  const self = check.target !== undefined && check.target.member_id === session.member_id;
  const permitted =
    state.rbac.permits(session.roles, MEMBER, check.action) ||
    (self && state.rbac.permits(session.roles, SELF, check.action));
  return permitted ? undefined : stytchError('session_authorization_error', requestId);
}
