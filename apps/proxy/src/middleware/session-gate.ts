import type { Guard } from '../app/guard.ts';
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
 * guarded([…, sessionGate({ allowedOrigins, authenticate, respondError }), …], forward.revoke);
 */
export function sessionGate(options: SessionGateOptions): Guard {
  const { authenticate, respondError } = options;
  const allowedOrigins = new Set(options.allowedOrigins);
  return function sessionGate(c) {
    const credential = readSessionCredential(c);
    if (credential === undefined) return respondError(c, 'session_required');
    if (credential === 'malformed') return respondError(c, 'session_invalid');
    if (credential.via === 'cookie' && !cookieWriteAllowed(c, allowedOrigins))
      return respondError(c, 'origin_forbidden');
    const session = authenticate(credential);
    if (!(session instanceof Promise)) {
      c.set('session', session);
      return undefined;
    }
    return session.then((verified) => {
      c.set('session', verified);
      return undefined;
    });
  };
}
