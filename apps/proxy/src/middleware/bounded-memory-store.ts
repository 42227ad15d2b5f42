import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import { LRUCache } from 'lru-cache';

interface Counter {
  totalHits: number;
  resetTime: Date;
}

/**
 * A fixed-window hit counter for `hono-rate-limiter` that never holds more than `maxKeys` counters:
 * the least recently seen key is dropped first, so a flood of new addresses cannot grow memory.
 * Any `hono-rate-limiter` store (e.g. its `RedisStore`) can replace it when several replicas run.
 *
 * @example
 * rateLimiter({ windowMs: 60_000, limit: 100, keyGenerator, store: new BoundedMemoryStore(10_000) });
 */
export class BoundedMemoryStore implements Store {
  readonly localKeys = true;
  #windowMs = 60_000;
  readonly #counters: LRUCache<string, Counter>;

  /** @param maxKeys counters kept at most @default 10000 */
  constructor(maxKeys = 10_000) {
    this.#counters = new LRUCache({ max: maxKeys });
  }

  init(options: { windowMs: number }): void {
    this.#windowMs = options.windowMs;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    return this.#counters.get(key);
  }

  increment(key: string): ClientRateLimitInfo {
    const now = Date.now();
    let counter = this.#counters.get(key);
    if (counter === undefined || counter.resetTime.getTime() <= now) {
      counter = { totalHits: 0, resetTime: new Date(now + this.#windowMs) };
      this.#counters.set(key, counter);
    }
    counter.totalHits++;
    return counter;
  }

  decrement(key: string): void {
    const counter = this.#counters.get(key);
    if (counter && counter.totalHits > 0) counter.totalHits--;
  }

  resetKey(key: string): void {
    this.#counters.delete(key);
  }

  resetAll(): void {
    this.#counters.clear();
  }
}
