import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitCounting, RateLimitStore } from './rate-limit-store.ts';
import type { RedisOutage } from './redis-outage.ts';

/** Options of {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** The ioredis client, shared by both limits; it must not queue commands while disconnected. */
  client: Redis;
  /** Starts the lazy connection on first use and settles once that first attempt is over. */
  connect: () => Promise<void>;
  /** Redis's state, shared by both limits of the process. */
  outage: RedisOutage;
  /** Keeps this limit's keys apart from the other's, e.g. `connected-apps:rate-limit:user`. */
  keyPrefix: string;
  /** Counts while Redis is unreachable: the proxy's bounded memory store. */
  fallback: RateLimitStore;
  /**
   * The most one hit may wait on Redis, connecting and every command included (the first call after
   * a Redis restart takes two: the script is loaded again); past it the hit is counted in `fallback`.
   */
  timeoutMs: number;
}

/**
 * A {@link RateLimitStore} shared by every replica: one atomic increment per hit in Redis, through
 * `rate-limiter-flexible`'s `RateLimiterRedis` (a Lua script that sets the window's expiry and
 * increments in one step, so concurrent replicas never lose or double a hit; ioredis sends it by
 * SHA and reloads it after a Redis restart). The window is fixed from a key's first hit, rounded up
 * to whole seconds (Redis expiries are in seconds).
 *
 * It fails open, to a local limit: when Redis refuses, is disconnected or takes longer than
 * `timeoutMs`, the hit is counted in `fallback` instead, so each replica still enforces the limit by
 * itself and no hit waits on Redis longer than that. `rate-limiter-flexible`'s own
 * `insuranceLimiter` does the same fallback, but silently (no hook for the one warning per outage or
 * for `/readyz`) and into `RateLimiterMemory`, whose keys have no bound; here the fallback is the
 * proxy's bounded store.
 *
 * @example
 * const store = new RedisRateLimitStore({
 *   client, connect, outage, keyPrefix: 'connected-apps:rate-limit:user',
 *   fallback: new BoundedMemoryStore(), timeoutMs: 200,
 * });
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #options: RedisRateLimitStoreOptions;
  #limiter: RateLimiterRedis | undefined;

  constructor(options: RedisRateLimitStoreOptions) {
    this.#options = options;
  }

  init(options: { windowMs: number; limit: number }): void {
    this.#options.fallback.init?.(options);
    this.#limiter = new RateLimiterRedis({
      storeClient: this.#options.client,
      keyPrefix: this.#options.keyPrefix,
      points: options.limit,
      duration: Math.ceil(options.windowMs / 1000),
      // Not connected (yet, or any more): straight to the fallback, no command built.
      rejectIfRedisNotReady: true,
    });
  }

  async increment(key: string): Promise<{ totalHits: number; resetTime?: Date }> {
    const { outage, fallback } = this.#options;
    const limiter = this.#limiter;
    if (limiter === undefined) throw new Error('RedisRateLimitStore: init() must be called first');
    if (outage.shouldTry()) {
      try {
        const counted = await within(this.#options.timeoutMs, this.#countInRedis(limiter, key));
        outage.succeeded();
        return counted;
      } catch (cause) {
        outage.failed(cause);
      }
    }
    return fallback.increment(key);
  }

  counting(): RateLimitCounting {
    return this.#options.outage.down ? 'local' : 'shared';
  }

  async #countInRedis(limiter: RateLimiterRedis, key: string) {
    await this.#options.connect();
    // Over the limit, consume() rejects with the count: that is an answer, not a failure.
    const counted = await limiter.consume(key).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    });
    return { totalHits: counted.consumedPoints, resetTime: new Date(Date.now() + counted.msBeforeNext) };
  }
}

/** `work`, or a rejection once `ms` have passed (what `work` does later is ignored). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
