/**
 * `@connected-apps/core/wire`: Stytch's wire in one place — routes and path builders, JSON shapes
 * (consumer, and B2B in the `b2b-*` files), the path-parameter rule, environments and base URLs,
 * Basic auth, session cookies and claims.
 * Runtime-neutral: no `node:` import, no dependency.
 */
export { CONNECTED_APPS_RBAC, STYTCH_ADMIN_ROLE, STYTCH_MEMBER_ROLE } from './b2b-rbac.ts';
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
  MEMBER_SESSION_HEADER,
  MEMBER_SESSION_JWT_HEADER,
} from './b2b-routes.ts';
export {
  isB2BSessionsAuthenticateResponse,
  isMemberConnectedAppsResponse,
  isMembersGetResponse,
  isOrganizationConnectedAppResponse,
  isOrganizationConnectedAppsResponse,
  isOrganizationsGetResponse,
  isRbacPolicyResponse,
} from './b2b-shape-guards.ts';
export type {
  B2BMemberAuthorization,
  B2BOrganizationsConnectedAppsRequest,
  B2BOrganizationsConnectedAppsResponse,
  B2BOrganizationsGetConnectedAppRequest,
  B2BOrganizationsGetConnectedAppResponse,
  B2BOrganizationsGetRequest,
  B2BOrganizationsGetResponse,
  B2BOrganizationsMembersConnectedAppsRevokeRequest,
  B2BOrganizationsMembersConnectedAppsRevokeResponse,
  B2BOrganizationsMembersGetConnectedAppsRequest,
  B2BOrganizationsMembersGetConnectedAppsResponse,
  B2BOrganizationsMembersGetRequest,
  B2BOrganizationsMembersGetResponse,
  B2BOrganizationsMembersRevocationsRequest,
  B2BOrganizationsMembersRevocationsResponse,
  B2BRBACPolicyResponse,
  B2BSessionsAuthenticateRequest,
  B2BSessionsAuthenticateResponse,
  B2BSessionsGetJWKSRequest,
  B2BSessionsGetJWKSResponse,
  MemberConnectedApp,
  OrganizationConnectedApp,
  OrganizationConnectedAppActiveMember,
  RbacPermission,
  RbacPolicy,
  RbacPolicyResource,
  RbacPolicyRole,
  RbacPolicyScope,
  StytchMember,
  StytchMemberRole,
  StytchMemberSession,
  StytchOrganization,
} from './b2b-shapes.ts';
export { basicAuthorization } from './basic-auth.ts';
export {
  defaultBaseUrl,
  isHttpBaseUrl,
  STYTCH_BASE_URLS,
  type StytchEnvironment,
  stytchEnvironment,
} from './environment.ts';
export {
  STYTCH_ERRORS,
  type StytchErrorType,
  stytchErrorBody,
  stytchErrorUrl,
} from './errors.ts';
export { MAX_PATH_PARAM_LENGTH, pathParamProblem } from './path-param.ts';
export {
  PROXY_ROUTES,
  type ProxyRouteName,
  REVOKE_ALL_PARTIAL_STATUS,
} from './proxy-routes.ts';
export {
  routePattern,
  STYTCH_ROUTES,
  type StytchRoute,
  type StytchRouteName,
  stytchPath,
  templateParams,
} from './routes.ts';
export {
  ORGANIZATION_CLAIM,
  type OrganizationClaim,
  SESSION_CLAIM,
  SESSION_JWT_COOKIE,
  SESSION_TOKEN_COOKIE,
  type SessionClaim,
  sessionJwtIssuer,
  sessionJwtIssuers,
} from './session.ts';
export {
  isConnectedAppsResponse,
  isJwksResponse,
  isRecord,
  isRevocationsResponse,
  isRevokeAllResponse,
  isRevokeResponse,
  isSessionsAuthenticateResponse,
} from './shape-guards.ts';
export type {
  ClientType,
  ConnectedApp,
  Revocation,
  RevokeAllOutcome,
  SessionsAuthenticateRequest,
  SessionsAuthenticateResponse,
  SessionsGetJWKSRequest,
  SessionsGetJWKSResponse,
  StytchErrorBody,
  StytchJwk,
  StytchSessionSummary,
  UsersConnectedAppsRequest,
  UsersConnectedAppsResponse,
  UsersRevocationsRequest,
  UsersRevocationsResponse,
  UsersRevokeAllRequest,
  UsersRevokeAllResponse,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from './shapes.ts';
export { isMemberId, isOrganizationId } from './stytch-ids.ts';
