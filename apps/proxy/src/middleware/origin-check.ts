import type { Context } from 'hono';

/**
 * CSRF defence for cookie-authenticated writes: a browser attaches cookies to cross-site requests by
 * itself, so a non-GET request authenticated by cookie must carry an `Origin` from the allowlist, or
 * `Sec-Fetch-Site: same-origin` (a same-origin deployment needs no allowlist). Pages cannot set either
 * header themselves (both are forbidden request headers). Bearer-authenticated requests never need
 * this: a page can only send that header by reading the token itself.
 *
 * @example
 * if (credential.via === 'cookie' && !cookieWriteAllowed(c, new Set(['https://app.example.com']))) …
 */
export function cookieWriteAllowed(c: Context, allowedOrigins: ReadonlySet<string>): boolean {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return true;
  const origin = c.req.header('origin');
  if (origin !== undefined && allowedOrigins.has(origin)) return true;
  return c.req.header('sec-fetch-site') === 'same-origin';
}
