import type { Logger } from 'pino';
import { describeCause } from '../logging/request-log.ts';

/** While Redis is down, one call per this interval tries it again (the rest go straight to memory). */
export const REDIS_RETRY_INTERVAL_MS = 1000;

/**
 * Whether Redis is usable, shared by both limits of one process. An outage starts with the first
 * failed call or connection error and is logged once (`warn`), however many requests meet it; it
 * ends with the first call that succeeds or a reconnection (`info`). During it a slow Redis costs
 * almost nothing: one call per {@link REDIS_RETRY_INTERVAL_MS} waits for it, the others skip it.
 *
 * @example
 * const outage = new RedisOutage(logger);
 * if (outage.shouldTry()) { try { …; outage.succeeded(); } catch (e) { outage.failed(e); } }
 */
export class RedisOutage {
  readonly #logger: Logger;
  readonly #retryIntervalMs: number;
  #down = false;
  #nextTryAt = 0;

  constructor(logger: Logger, retryIntervalMs = REDIS_RETRY_INTERVAL_MS) {
    this.#logger = logger;
    this.#retryIntervalMs = retryIntervalMs;
  }

  /** True from an outage's first failure until Redis answers again. */
  get down(): boolean {
    return this.#down;
  }

  /** Whether this call should go to Redis: always while it is up; during an outage, one per interval. */
  shouldTry(now = Date.now()): boolean {
    if (!this.#down) return true;
    if (now < this.#nextTryAt) return false;
    this.#nextTryAt = now + this.#retryIntervalMs;
    return true;
  }

  failed(cause: unknown, now = Date.now()): void {
    this.#nextTryAt = now + this.#retryIntervalMs;
    if (this.#down) return;
    this.#down = true;
    this.#logger.warn(
      { event: 'rate_limit_redis_down', cause: describeCause(cause) },
      'Redis is unreachable: rate limits are counted by this process alone until it answers again',
    );
  }

  succeeded(): void {
    if (!this.#down) return;
    this.#down = false;
    this.#logger.info({ event: 'rate_limit_redis_up' }, 'Redis answers again: rate limits are shared again');
  }
}
