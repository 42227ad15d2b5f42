/** The cookies Stytch's frontend SDKs set: the session JWT and the opaque session token. */
export const SESSION_JWT_COOKIE = 'stytch_session_jwt';
export const SESSION_TOKEN_COOKIE = 'stytch_session';

/** The custom claim of a Stytch session JWT that carries the session (`id`, `roles`, …). */
export const SESSION_CLAIM = 'https://stytch.com/session';

/**
 * The `iss` of a project's session JWTs when the project calls Stytch on Stytch's own domains.
 * (`aud` is `[project_id]`; `sub` is the user id.)
 */
export function sessionJwtIssuer(project_id: string): string {
  return `stytch.com/${project_id}`;
}
