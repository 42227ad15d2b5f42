import { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE } from '@connected-apps/core/wire';
import { parse } from 'hono/utils/cookie';
import type { RequestView } from '../pipeline/exchange.ts';

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
 * `stytch_session_jwt` cookie, then the opaque `stytch_session` cookie (Stytch's frontend SDKs set both).
 * Returns `undefined` when none is present, or `'malformed'` when one is present but unusable.
 *
 * @example
 * readSessionCredential(view); // { kind: 'jwt', value: 'eyJ…', via: 'bearer' }
 */
export function readSessionCredential(request: RequestView): SessionCredential | 'malformed' | undefined {
  const authorization = request.header('authorization');
  if (authorization !== undefined) {
    // RFC 7235: the scheme is case-insensitive.
    if (authorization.length < 8 || authorization.slice(0, 7).toLowerCase() !== 'bearer ') return 'malformed';
    const value = authorization.slice(7).trim();
    if (value.length === 0 || value.length > MAX_CREDENTIAL_LENGTH) return 'malformed';
    return { kind: 'jwt', value, via: 'bearer' };
  }
  const cookie = request.header('cookie');
  if (cookie === undefined) return undefined;
  const jwt = parse(cookie, SESSION_JWT_COOKIE)[SESSION_JWT_COOKIE];
  if (jwt)
    return jwt.length > MAX_CREDENTIAL_LENGTH ? 'malformed' : { kind: 'jwt', value: jwt, via: 'cookie' };
  const token = parse(cookie, SESSION_TOKEN_COOKIE)[SESSION_TOKEN_COOKIE];
  if (token) {
    return token.length > MAX_CREDENTIAL_LENGTH
      ? 'malformed'
      : { kind: 'token', value: token, via: 'cookie' };
  }
  return undefined;
}
