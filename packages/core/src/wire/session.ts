/** The cookies Stytch's frontend SDKs set: the session JWT and the opaque session token. */
export const SESSION_JWT_COOKIE = 'stytch_session_jwt';
export const SESSION_TOKEN_COOKIE = 'stytch_session';

/**
 * The custom claim of a Stytch session JWT that carries the session (`id`, `roles`, …), consumer and
 * B2B alike (the SDK reads both through `authenticateSessionJwtLocal`, `dist/shared/sessions.js`).
 */
export const SESSION_CLAIM = 'https://stytch.com/session';

/** What {@link SESSION_CLAIM} holds (the fields connected-apps reads; Stytch sends more). */
export interface SessionClaim {
  /** The session id: `session-…`, a member session's `member_session_id` too. */
  id: string;
  /** RFC 3339. */
  started_at: string;
  /** RFC 3339. */
  last_accessed_at: string;
  /** RFC 3339. */
  expires_at: string;
  /** The RBAC roles of the session. */
  roles: string[];
  [field: string]: unknown;
}

/**
 * The custom claim of a B2B member session JWT naming the member's organization (SDK
 * `sessions.authenticateJwtLocal`, `dist/b2b/sessions.js`). The JWT's `sub` is the member id.
 */
export const ORGANIZATION_CLAIM = 'https://stytch.com/organization';

/** What {@link ORGANIZATION_CLAIM} holds. */
export interface OrganizationClaim {
  organization_id: string;
  /** The organization's slug. */
  slug: string;
}

/**
 * The `iss` of a project's session JWTs when the project calls Stytch on Stytch's own domains.
 * (`aud` is `[project_id]`; `sub` is the user id, or the member id of a B2B session.)
 */
export function sessionJwtIssuer(project_id: string): string {
  return `stytch.com/${project_id}`;
}

/**
 * Every `iss` a project's session JWTs may carry, consumer and B2B: `stytch.com/{project_id}`, and,
 * when the project calls Stytch through its own custom domain (a CNAME), that base URL without its
 * trailing slashes. Stytch's SDKs accept exactly these two (`dist/b2b/client.js`, `dist/b2c/client.js`:
 * `issuers: ['stytch.com/' + project_id, trimTrailingSlash(baseURL)]`); nothing else is an issuer.
 *
 * @example
 * sessionJwtIssuers('project-test-…', 'https://login.example.com/');
 * // ['stytch.com/project-test-…', 'https://login.example.com']
 */
export function sessionJwtIssuers(project_id: string, baseUrl?: string): string[] {
  const issuers = [sessionJwtIssuer(project_id)];
  const custom = baseUrl?.replace(/\/+$/, '');
  if (custom) issuers.push(custom);
  return issuers;
}
