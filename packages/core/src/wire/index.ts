/**
 * `@connected-apps/core/wire`: Stytch's wire in one place — routes and path builders, JSON shapes,
 * the path-parameter rule, environments and base URLs, Basic auth, session cookies and claims.
 * Runtime-neutral: no `node:` import, no dependency.
 */
export { basicAuthorization } from './basic-auth.ts';
export {
  defaultBaseUrl,
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
export { SESSION_CLAIM, SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE, sessionJwtIssuer } from './session.ts';
export {
  isConnectedAppsResponse,
  isJwksResponse,
  isRecord,
  isRevokeAllResponse,
  isRevokeResponse,
  isSessionsAuthenticateResponse,
} from './shape-guards.ts';
export type {
  ClientType,
  ConnectedApp,
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
  UsersRevokeAllRequest,
  UsersRevokeAllResponse,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from './shapes.ts';
