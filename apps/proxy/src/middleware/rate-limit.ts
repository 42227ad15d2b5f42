import type { Context } from 'hono';
import type { Guard } from '../app/guard.ts';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed per key per window. */
  limit: number;
  /** Where hits are counted; its window is set with `store.init({ windowMs })` by the caller. */
  store: RateLimitStore;
  /** What is counted: the client address, the user id… */
  key: (c: Context<ProxyEnv>) => string;
  respondError: ErrorResponder;
  /** Used for `Retry-After` when the store gives no reset time. */
  windowMs: number;
}

/**
 * A fixed-window limit answering the proxy's Stytch-shaped 429 `too_many_requests` with `Retry-After`
 * in whole seconds. The counting lives in a {@link RateLimitStore}; a synchronous (in-memory) store
 * costs no extra await on the hot path, an asynchronous (shared) one is awaited.
 *
 * @example
 * const store = new BoundedMemoryStore(10_000);
 * store.init({ windowMs: 60_000 });
 * const perAddress = rateLimit({ limit: 300, store, windowMs: 60_000, key: (c) => clientAddress(c, 0), respondError });
 */
export function rateLimit(options: RateLimitOptions): Guard {
  const { limit, store, key, respondError, windowMs } = options;
  const answer = (
    c: Context<ProxyEnv>,
    counted: { totalHits: number; resetTime?: Date },
  ): Response | undefined => {
    if (counted.totalHits <= limit) return undefined;
    const resetMs = counted.resetTime ? counted.resetTime.getTime() - Date.now() : windowMs;
    const retryAfter = String(Math.max(1, Math.ceil(resetMs / 1000)));
    return respondError(c, 'too_many_requests', { headers: { 'Retry-After': retryAfter } });
  };
  return function rateLimit(c) {
    const counted = store.increment(key(c));
    return counted instanceof Promise ? counted.then((resolved) => answer(c, resolved)) : answer(c, counted);
  };
}
