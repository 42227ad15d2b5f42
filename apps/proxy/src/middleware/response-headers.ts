import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';

/**
 * Headers on every answer: the set OWASP's REST Security Cheat Sheet recommends for a JSON API that is
 * never framed or rendered, plus `Referrer-Policy` and `Cross-Origin-Resource-Policy` from Hono's
 * `secureHeaders` defaults. Its other defaults (X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control,
 * X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster) concern HTML pages and plugins: they would
 * only add bytes to every response of an API.
 */
export const STATIC_RESPONSE_HEADERS: readonly (readonly [string, string])[] = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * Sets {@link STATIC_RESPONSE_HEADERS} and `X-Request-Id` on every response.
 *
 * Why not Hono's `secureHeaders`: on Node, the first header a middleware sets makes Hono build a
 * web `Headers` object, which `@hono/node-server` then converts back for Node; measured, that is about a
 * tenth of the proxy's CPU per request. So on Node these go straight onto the `ServerResponse` (which
 * merges them with the handler's headers), and the handler's `c.json()` keeps the adapter's fast path.
 * Elsewhere (edge runtimes, `app.request()` in tests) they are set through Hono as usual.
 *
 * @example
 * app.use(requestId({ headerName: '' }), responseHeaders());
 */
export function responseHeaders(): MiddlewareHandler<ProxyEnv> {
  return async function responseHeaders(c, next) {
    const outgoing = c.env?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') {
      for (const [name, value] of STATIC_RESPONSE_HEADERS) outgoing.setHeader(name, value);
      outgoing.setHeader('X-Request-Id', c.get('requestId'));
      return next();
    }
    for (const [name, value] of STATIC_RESPONSE_HEADERS) c.header(name, value);
    c.header('X-Request-Id', c.get('requestId'));
    await next();
  };
}
