import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';

/**
 * CSRF defence for cookie-authenticated writes: a browser attaches cookies to cross-site requests by
 * itself, so a non-GET request authenticated by cookie must carry an `Origin` from the allowlist, or
 * `Sec-Fetch-Site: same-origin` (a same-origin deployment needs no allowlist). Bearer-authenticated
 * requests are exempt: a page can only send that header by reading the token itself.
 * Runs before the session is verified, so a forged request costs no call to Stytch.
 *
 * @example
 * app.post('/…/revoke', readCredential(respondError), originCheck(['https://app.example.com'], respondError), …);
 */
export function originCheck(allowedOrigins: readonly string[], respondError: ErrorResponder): MiddlewareHandler<ProxyEnv> {
  const allowed = new Set(allowedOrigins);
  return async function originCheck(c, next) {
    const method = c.req.method;
    if (c.get('credential').via !== 'cookie' || method === 'GET' || method === 'HEAD') return next();
    const origin = c.req.header('origin');
    // Pages cannot set either header themselves (both are forbidden request headers).
    if ((origin !== undefined && allowed.has(origin)) || c.req.header('sec-fetch-site') === 'same-origin') {
      return next();
    }
    return respondError(c, 'origin_forbidden');
  };
}
