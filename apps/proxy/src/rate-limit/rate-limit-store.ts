/**
 * Where rate-limit hits are counted. The shape is `hono-rate-limiter`'s `Store` (its `RedisStore`
 * and other stores fit as they are), reduced to what the proxy calls.
 */
export interface RateLimitStore {
  /** Called once with the window before the first `increment`. */
  init?(options: { windowMs: number }): void;
  /** Counts one hit for `key` and returns the hits in its current window and when that window ends. */
  increment(
    key: string,
  ): { totalHits: number; resetTime?: Date } | Promise<{ totalHits: number; resetTime?: Date }>;
}
