import type { Context, MiddlewareHandler } from 'hono';
import { type RateLimitInfo, rateLimiter, type Store } from 'hono-rate-limiter';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import { BoundedMemoryStore } from './bounded-memory-store.ts';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Names the limiter in the context (`rateLimit:<name>`), so two limiters never share state. */
  name: string;
  /** Fixed window length in ms. */
  windowMs: number;
  /** Requests allowed per key per window. */
  limit: number;
  /** What is counted: the client address, the user id… */
  key: (c: Context<ProxyEnv>) => string;
  respondError: ErrorResponder;
  /** Where hits are counted. @default a BoundedMemoryStore of 10000 keys */
  store?: Store;
}

/**
 * A fixed-window limiter (`hono-rate-limiter`) answering the proxy's own Stytch-shaped 429
 * `too_many_requests` with `Retry-After` in whole seconds.
 *
 * @example
 * app.use(rateLimit({ name: 'address', windowMs: 60_000, limit: 300, key: (c) => c.get('clientAddress'), respondError }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<ProxyEnv> {
  const property = `rateLimit:${options.name}`;
  const limiter = rateLimiter<ProxyEnv>({
    windowMs: options.windowMs,
    limit: options.limit,
    // Standard RateLimit-* headers on every response cost time on the hot path; Retry-After on the 429 is what clients use.
    standardHeaders: false,
    requestPropertyName: property,
    requestStorePropertyName: `${property}:store`,
    store: (options.store ?? new BoundedMemoryStore()) as Store<ProxyEnv>,
    keyGenerator: options.key,
    handler: ((c: Context<ProxyEnv>) => {
      const info = (c.var as Record<string, unknown>)[property] as RateLimitInfo | undefined;
      const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : options.windowMs;
      const retryAfter = String(Math.max(1, Math.ceil(resetMs / 1000)));
      return options.respondError(c, 'too_many_requests', { headers: { 'Retry-After': retryAfter } });
    }) as unknown as Parameters<typeof rateLimiter<ProxyEnv>>[0]['handler'],
  });
  return limiter as MiddlewareHandler<ProxyEnv>;
}
