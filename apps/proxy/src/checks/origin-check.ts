import type { RequestView } from '../pipeline/exchange.ts';

/**
 * CSRF defence for cookie-authenticated writes: a browser attaches cookies to cross-site requests by
 * itself, so a non-GET request authenticated by cookie must carry an `Origin` from the allowlist, or
 * `Sec-Fetch-Site: same-origin` (a same-origin deployment needs no allowlist). Pages cannot set either
 * header themselves (both are forbidden request headers). Bearer-authenticated requests never need
 * this: a page can only send that header by reading the token itself.
 *
 * @example
 * if (credential.via === 'cookie' && !cookieWriteAllowed(request, new Set(['https://app.example.com']))) …
 */
export function cookieWriteAllowed(request: RequestView, allowedOrigins: ReadonlySet<string>): boolean {
  const { method } = request;
  if (method === 'GET' || method === 'HEAD') return true;
  const origin = request.header('origin');
  if (origin !== undefined && allowedOrigins.has(origin)) return true;
  return request.header('sec-fetch-site') === 'same-origin';
}
