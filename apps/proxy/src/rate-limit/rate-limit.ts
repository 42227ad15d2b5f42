import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { Check } from '../pipeline/route.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed per key per window. */
  limit: number;
  /** Where hits are counted; `init({ windowMs, limit })` is called here. */
  store: RateLimitStore;
  /** Length of the fixed window, ms; also `Retry-After` when the store gives no reset time. */
  windowMs: number;
  /** What is counted: the client address, the user id… */
  key: (exchange: Exchange) => string;
}

/**
 * A fixed-window limit refusing with 429 `too_many_requests` and `Retry-After` in whole seconds. The
 * counting lives in a {@link RateLimitStore} with `hono-rate-limiter`'s `increment(key)` interface (so
 * its Redis and other stores plug in); that package's middleware is not used because it needs a Hono
 * `Context` and sets `RateLimit-*` headers on every answer. A synchronous (in-memory) store costs no
 * promise on the hot path; an asynchronous (shared) one is awaited.
 *
 * @example
 * const perAddress = rateLimit({ limit: 300, windowMs: 60_000, store: new BoundedMemoryStore(), key: (e) => clientAddress(e.request, 0) });
 */
export function rateLimit(options: RateLimitOptions): Check {
  const { limit, store, key, windowMs } = options;
  store.init?.({ windowMs, limit });
  const judge = (counted: { totalHits: number; resetTime?: Date }): void => {
    if (counted.totalHits <= limit) return;
    const resetMs = counted.resetTime ? counted.resetTime.getTime() - Date.now() : windowMs;
    const retryAfter = String(Math.max(1, Math.ceil(resetMs / 1000)));
    throw new ProxyError('too_many_requests', { headers: { 'retry-after': retryAfter } });
  };
  return function rateLimit(exchange) {
    const counted = store.increment(key(exchange));
    return counted instanceof Promise ? counted.then(judge) : judge(counted);
  };
}
