/** Where a store counts right now: in the shared backend, or in this process while that is unreachable. */
export type RateLimitCounting = 'shared' | 'local';

/**
 * Where rate-limit hits are counted. The shape is `hono-rate-limiter`'s `Store` (its stores fit as
 * they are), reduced to what the proxy calls, plus an optional `counting()` that `/readyz` reports.
 */
export interface RateLimitStore {
  /** Called once with the window and the limit before the first `increment`. */
  init?(options: { windowMs: number; limit: number }): void;
  /** Counts one hit for `key` and returns the hits in its current window and when that window ends. */
  increment(
    key: string,
  ): { totalHits: number; resetTime?: Date } | Promise<{ totalHits: number; resetTime?: Date }>;
  /** A shared store's state: `'local'` while it has fallen back to counting in this process. */
  counting?(): RateLimitCounting;
}
