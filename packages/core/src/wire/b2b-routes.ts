import { route } from './route.ts';

// Stytch's B2B Connected Apps endpoints, each checked against the official `stytch` SDK (v14) —
// `dist/b2b/organizations.js`, `organizations_members.js`, `organizations_members_connected_apps.js`,
// `sessions.js`, `rbac.js` — whose method each constant is named after in its comment. One constant
// per route, so a bundle that sends only the consumer calls leaves every B2B route out.
// `organization_id` may be the id, the slug or the external id; `member_id` the id or the external id.

/** `organizations.get` */
const b2bOrganizationsGet = /* @__PURE__ */ route('GET', '/v1/b2b/organizations/{organization_id}');
/** `organizations.members.get`: the member is named by the `member_id` query parameter, not the path. */
const b2bMembersGet = /* @__PURE__ */ route('GET', '/v1/b2b/organizations/{organization_id}/member');
/** `organizations.members.getConnectedApps` */
const b2bMembersConnectedApps = /* @__PURE__ */ route(
  'GET',
  '/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps',
);
/** `organizations.members.connectedApps.revoke` (body `{}`) */
const b2bMembersRevoke = /* @__PURE__ */ route(
  'POST',
  '/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke',
);
/** `organizations.connectedApps`: the apps the organization's members have installed (an admin view). */
const b2bOrganizationConnectedApps = /* @__PURE__ */ route(
  'GET',
  '/v1/b2b/organizations/{organization_id}/connected_apps',
);
/** `organizations.getConnectedApp`: one app and the members who granted it (an admin view). */
const b2bOrganizationConnectedApp = /* @__PURE__ */ route(
  'GET',
  '/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}',
);
/** `sessions.authenticate` (B2B client) */
const b2bSessionsAuthenticate = /* @__PURE__ */ route('POST', '/v1/b2b/sessions/authenticate');
/** `sessions.getJWKS` (B2B client): served without credentials, as the consumer JWKS is. */
const b2bSessionsGetJWKS = /* @__PURE__ */ route('GET', '/v1/b2b/sessions/jwks/{project_id}');
/** `rbac.policy` */
const b2bRbacPolicy = /* @__PURE__ */ route('GET', '/v1/b2b/rbac/policy');

/**
 * The headers that run a B2B call with a member's RBAC permissions (SDK: `addAuthorizationHeaders` in
 * `dist/shared/method_options.js`): the member's session token or session JWT.
 */
export const MEMBER_SESSION_HEADER = 'X-Stytch-Member-Session';
export const MEMBER_SESSION_JWT_HEADER = 'X-Stytch-Member-SessionJWT';

export {
  b2bMembersConnectedApps,
  b2bMembersGet,
  b2bMembersRevoke,
  b2bOrganizationConnectedApp,
  b2bOrganizationConnectedApps,
  b2bOrganizationsGet,
  b2bRbacPolicy,
  b2bSessionsAuthenticate,
  b2bSessionsGetJWKS,
};
