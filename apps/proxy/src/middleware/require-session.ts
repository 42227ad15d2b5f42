import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import type { SessionAuthenticator } from '../session/session-authenticator.ts';
import { readSessionCredential } from '../session/session-credential.ts';

/**
 * Finds the caller's session credential (Bearer JWT, `stytch_session_jwt` or `stytch_session` cookie):
 * 401 `session_required` without one, 401 `session_invalid` for an unusable one.
 *
 * @example
 * app.get('/…', readCredential(respondError), originCheck(…), authenticateSession(…), …);
 */
export function readCredential(respondError: ErrorResponder): MiddlewareHandler<ProxyEnv> {
  return async function readCredential(c, next) {
    const credential = readSessionCredential(c);
    if (credential === undefined) return respondError(c, 'session_required');
    if (credential === 'malformed') return respondError(c, 'session_invalid');
    c.set('credential', credential);
    await next();
  };
}

/**
 * Verifies the credential found by {@link readCredential} and leaves the caller in `c.var.session`.
 * Failures are thrown as `ProxyFailure`s (401 `session_invalid`, 5xx when Stytch cannot be asked).
 */
export function authenticateSession(authenticate: SessionAuthenticator): MiddlewareHandler<ProxyEnv> {
  return async function authenticateSession(c, next) {
    c.set('session', await authenticate(c.get('credential')));
    await next();
  };
}
