import type {
  B2BOrganizationsConnectedAppsResponse,
  B2BOrganizationsGetConnectedAppResponse,
  B2BOrganizationsGetResponse,
  B2BOrganizationsMembersGetConnectedAppsResponse,
  B2BOrganizationsMembersGetResponse,
  B2BRBACPolicyResponse,
  B2BSessionsAuthenticateResponse,
  OrganizationConnectedApp,
  RbacPermission,
} from './b2b-shapes.ts';
import { isRecord, isStytchSuccess } from './shape-guards.ts';

// Shape checks of B2B success bodies: what connected-apps reads must be there with its type; the
// rest of what Stytch sends is left alone, so a new field never breaks a call. `client_type` is only
// checked to be a string, as on the consumer side.

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

// `logo_url` is optional in the SDK's typing and `null` in Stytch's reference: both pass.
function isAppFields(value: unknown): value is OrganizationConnectedApp {
  return (
    isRecord(value) &&
    typeof value.connected_app_id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string' &&
    typeof value.client_type === 'string' &&
    (value.logo_url === undefined || value.logo_url === null || typeof value.logo_url === 'string')
  );
}

/** A member's list: each app with its fields and a `scopes_granted` string. */
export function isMemberConnectedAppsResponse(
  value: unknown,
): value is B2BOrganizationsMembersGetConnectedAppsResponse {
  return (
    isStytchSuccess(value) &&
    Array.isArray(value.connected_apps) &&
    value.connected_apps.every(
      (app: unknown) =>
        isAppFields(app) && typeof (app as { scopes_granted?: unknown }).scopes_granted === 'string',
    )
  );
}

/** The organization's apps (admin view). */
export function isOrganizationConnectedAppsResponse(
  value: unknown,
): value is B2BOrganizationsConnectedAppsResponse {
  return (
    isStytchSuccess(value) && Array.isArray(value.connected_apps) && value.connected_apps.every(isAppFields)
  );
}

/** One app of the organization with its `active_members`, each with a `granted_scopes` array. */
export function isOrganizationConnectedAppResponse(
  value: unknown,
): value is B2BOrganizationsGetConnectedAppResponse {
  return (
    isStytchSuccess(value) &&
    isAppFields(value) &&
    Array.isArray(value.active_members) &&
    value.active_members.every(
      (member: unknown) =>
        isRecord(member) && typeof member.member_id === 'string' && isStringList(member.granted_scopes),
    )
  );
}

function isOrganization(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.organization_id === 'string' &&
    typeof value.organization_slug === 'string' &&
    (value.organization_external_id === undefined || typeof value.organization_external_id === 'string')
  );
}

function isMember(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.member_id === 'string' &&
    typeof value.organization_id === 'string' &&
    Array.isArray(value.roles) &&
    (value.external_id === undefined || typeof value.external_id === 'string')
  );
}

/** An organization, named by its id and slug. */
export function isOrganizationsGetResponse(value: unknown): value is B2BOrganizationsGetResponse {
  return isStytchSuccess(value) && isOrganization(value.organization);
}

/** A member and its organization. */
export function isMembersGetResponse(value: unknown): value is B2BOrganizationsMembersGetResponse {
  return (
    isStytchSuccess(value) &&
    typeof value.member_id === 'string' &&
    isMember(value.member) &&
    isOrganization(value.organization)
  );
}

/** A B2B sessions/authenticate answer naming the session, its member, organization, expiry and roles. */
export function isB2BSessionsAuthenticateResponse(value: unknown): value is B2BSessionsAuthenticateResponse {
  if (!isStytchSuccess(value) || !isRecord(value.member_session)) return false;
  const session = value.member_session;
  return (
    typeof session.member_session_id === 'string' &&
    typeof session.member_id === 'string' &&
    typeof session.organization_id === 'string' &&
    isDate(session.expires_at) &&
    isStringList(session.roles) &&
    isMember(value.member) &&
    isOrganization(value.organization)
  );
}

function isPermission(value: unknown): value is RbacPermission {
  return isRecord(value) && typeof value.resource_id === 'string' && isStringList(value.actions);
}

/** An RBAC policy whose every role names its permissions (resource and actions). */
export function isRbacPolicyResponse(value: unknown): value is B2BRBACPolicyResponse {
  if (!isStytchSuccess(value) || !isRecord(value.policy)) return false;
  const { roles, resources } = value.policy;
  return (
    Array.isArray(roles) &&
    roles.every(
      (role: unknown) =>
        isRecord(role) &&
        typeof role.role_id === 'string' &&
        Array.isArray(role.permissions) &&
        role.permissions.every(isPermission),
    ) &&
    Array.isArray(resources)
  );
}
