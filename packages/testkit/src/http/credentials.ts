import { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE } from '@connected-apps/core/wire';

/**
 * The `Authorization` header of a caller holding a session JWT.
 *
 * @example
 * await fetch(url, { headers: { ...bearer(world.alice.jwt), origin } });
 */
export function bearer(jwt: string): { authorization: string } {
  return { authorization: `Bearer ${jwt}` };
}

/** The `Cookie` header a browser sends with Stytch's session JWT cookie. */
export function sessionJwtCookie(jwt: string): { cookie: string } {
  return { cookie: `${SESSION_JWT_COOKIE}=${jwt}` };
}

/** The `Cookie` header a browser sends with Stytch's opaque session token cookie. */
export function sessionTokenCookie(token: string): { cookie: string } {
  return { cookie: `${SESSION_TOKEN_COOKIE}=${token}` };
}
