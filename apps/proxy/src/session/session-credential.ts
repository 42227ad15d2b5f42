import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/** The cookie names Stytch's frontend SDKs set. */
export const SESSION_JWT_COOKIE = 'stytch_session_jwt';
export const SESSION_TOKEN_COOKIE = 'stytch_session';

/**
 * Where the caller's session came from. `via` matters for CSRF: a cookie rides along on cross-site
 * requests by itself, a bearer header never does.
 */
export type SessionCredential =
  | { kind: 'jwt'; value: string; via: 'bearer' | 'cookie' }
  | { kind: 'token'; value: string; via: 'cookie' };

/** Caps a credential's size so a huge header cannot make us hash or parse megabytes. */
const MAX_CREDENTIAL_LENGTH = 4096;

/**
 * Picks the caller's session from the request: a Bearer JWT first (explicit beats ambient), then the
 * `stytch_session_jwt` cookie, then the opaque `stytch_session` cookie.
 * Returns `undefined` when none is present, or `'malformed'` when one is present but unusable.
 */
export function readSessionCredential(c: Context): SessionCredential | 'malformed' | undefined {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    // RFC 7235: the scheme is case-insensitive.
    if (authorization.length < 8 || authorization.slice(0, 7).toLowerCase() !== 'bearer ') return 'malformed';
    const value = authorization.slice(7).trim();
    if (value.length === 0 || value.length > MAX_CREDENTIAL_LENGTH) return 'malformed';
    return { kind: 'jwt', value, via: 'bearer' };
  }
  if (c.req.header('cookie') === undefined) return undefined;
  const jwt = getCookie(c, SESSION_JWT_COOKIE);
  if (jwt)
    return jwt.length > MAX_CREDENTIAL_LENGTH ? 'malformed' : { kind: 'jwt', value: jwt, via: 'cookie' };
  const token = getCookie(c, SESSION_TOKEN_COOKIE);
  if (token) {
    return token.length > MAX_CREDENTIAL_LENGTH
      ? 'malformed'
      : { kind: 'token', value: token, via: 'cookie' };
  }
  return undefined;
}
