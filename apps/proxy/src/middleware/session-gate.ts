import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import type { SessionAuthenticator } from '../session/session-authenticator.ts';
import { readSessionCredential } from '../session/session-credential.ts';
import { cookieWriteAllowed } from './origin-check.ts';

/** Options of {@link sessionGate}. */
export interface SessionGateOptions {
  /** Origins allowed to send cookie-authenticated writes (`CORS_ORIGINS`). */
  allowedOrigins: readonly string[];
  authenticate: SessionAuthenticator;
  respondError: ErrorResponder;
}

/**
 * Who is calling, in the order that keeps forged requests cheapest:
 * 1. the credential (Bearer JWT, `stytch_session_jwt` or `stytch_session` cookie) — 401
 *    `session_required` without one, `session_invalid` for an unusable one;
 * 2. for a cookie-authenticated write, the Origin check — 403 `origin_forbidden`, before any
 *    verification, so a cross-site forgery costs no call to Stytch;
 * 3. verification (cached) — 401 `session_invalid`, or 5xx when Stytch cannot be asked (thrown).
 * Leaves the caller in `c.var.session`.
 *
 * @example
 * app.post('/…/revoke', sessionGate({ allowedOrigins, authenticate, respondError }), …);
 */
export function sessionGate(options: SessionGateOptions): MiddlewareHandler<ProxyEnv> {
  const { authenticate, respondError } = options;
  const allowedOrigins = new Set(options.allowedOrigins);
  return async function sessionGate(c, next) {
    const credential = readSessionCredential(c);
    if (credential === undefined) return respondError(c, 'session_required');
    if (credential === 'malformed') return respondError(c, 'session_invalid');
    if (credential.via === 'cookie' && !cookieWriteAllowed(c, allowedOrigins)) return respondError(c, 'origin_forbidden');
    c.set('session', await authenticate(credential));
    return next();
  };
}
