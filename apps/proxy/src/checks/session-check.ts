import { ProxyError } from '../errors/proxy-error.ts';
import type { Check } from '../pipeline/route.ts';
import type { SessionAuthenticator } from '../session/session-authenticator.ts';
import { readSessionCredential } from '../session/session-credential.ts';
import { cookieWriteAllowed } from './origin-check.ts';

/**
 * Who is calling, in the order that keeps forged requests cheapest:
 * 1. the credential (Bearer JWT, `stytch_session_jwt` or `stytch_session` cookie) — 401
 *    `session_required` without one, `session_invalid` for an unusable one;
 * 2. for a cookie-authenticated write, the Origin check — 403 `origin_forbidden`, before any
 *    verification, so a cross-site forgery costs no call to Stytch;
 * 3. verification (cached) — 401 `session_invalid`, or 5xx when Stytch cannot be asked.
 * Leaves the caller in `exchange.session`.
 *
 * @example
 * const checks = [pathParams, sessionCheck({ allowedOrigins, authenticate }), …];
 */
export function sessionCheck(options: {
  /** Origins allowed to send cookie-authenticated writes (`CORS_ORIGINS`). */
  allowedOrigins: readonly string[];
  authenticate: SessionAuthenticator;
}): Check {
  const { authenticate } = options;
  const allowedOrigins = new Set(options.allowedOrigins);
  return function sessionCheck(exchange) {
    const credential = readSessionCredential(exchange.request);
    if (credential === undefined) throw new ProxyError('session_required');
    if (credential === 'malformed') throw new ProxyError('session_invalid');
    if (credential.via === 'cookie' && !cookieWriteAllowed(exchange.request, allowedOrigins))
      throw new ProxyError('origin_forbidden');
    const session = authenticate(credential);
    if (!(session instanceof Promise)) {
      exchange.session = session;
      return;
    }
    return session.then((verified) => {
      exchange.session = verified;
    });
  };
}
