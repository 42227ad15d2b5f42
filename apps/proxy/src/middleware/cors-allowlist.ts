import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ProxyEnv } from '../app/proxy-env.ts';

/**
 * Hono's CORS middleware for an exact allowlist, with credentials (the session cookie) allowed.
 * Requests without an `Origin` header (servers, curl, same-origin GETs) skip it: CORS only concerns
 * browsers, and the hot path saves its work.
 *
 * @example
 * app.use('/api/*', corsAllowlist(['https://app.example.com']));
 */
export function corsAllowlist(origins: readonly string[]): MiddlewareHandler<ProxyEnv> {
  const handler = cors({
    origin: [...origins],
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  return async function corsAllowlist(c, next) {
    if (c.req.header('origin') === undefined) return next();
    return handler(c, next);
  };
}
