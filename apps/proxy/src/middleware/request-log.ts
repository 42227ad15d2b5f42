import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { ProxyEnv } from '../app/proxy-env.ts';

/**
 * Writes one JSON line per request when it ends: our request id and Stytch's, method, the route
 * pattern (never the raw URL, never headers), status, duration, the caller's user id and the error type.
 *
 * @example
 * app.use(requestLog(logger));
 */
export function requestLog(logger: Logger): MiddlewareHandler<ProxyEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      request_id: c.get('requestId'),
      stytch_request_id: c.get('stytchRequestId'),
      method: c.req.method,
      route: c.req.routePath,
      status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      user_id: c.get('session')?.user_id,
      error_type: c.get('errorType'),
      cause: describe(c.get('failureCause')),
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}

/** Name and message only: never a whole error object, which could carry a request or its headers. */
function describe(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
