import { LRUCache } from 'lru-cache';
import { entryBound } from '../cache/entry-bound.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

interface Counter {
  totalHits: number;
  resetTime: Date;
}

/**
 * The default {@link RateLimitStore}: fixed windows in memory, never more than `maxKeys` counters (the
 * least recently seen key is dropped first, so a flood of new addresses cannot grow memory).
 * With `REDIS_URL` the limits are shared through Redis instead ({@link RedisRateLimitStore}), and this
 * store is what each process falls back to while Redis is unreachable.
 *
 * @example
 * const store = new BoundedMemoryStore(10_000);
 * store.init({ windowMs: 60_000 });
 */
export class BoundedMemoryStore implements RateLimitStore {
  readonly localKeys = true;
  #windowMs = 60_000;
  readonly #counters: LRUCache<string, Counter>;

  /** @param maxKeys counters kept at most @default 10000 */
  constructor(maxKeys = 10_000) {
    this.#counters = new LRUCache(entryBound(maxKeys));
  }

  init(options: { windowMs: number }): void {
    this.#windowMs = options.windowMs;
  }

  get(key: string): Counter | undefined {
    return this.#counters.get(key);
  }

  increment(key: string): Counter {
    const now = Date.now();
    let counter = this.#counters.get(key);
    if (counter === undefined || counter.resetTime.getTime() <= now) {
      counter = { totalHits: 0, resetTime: new Date(now + this.#windowMs) };
      this.#counters.set(key, counter);
    }
    counter.totalHits++;
    // A copy: the counter itself keeps changing, and a caller may read it only after an await.
    return { totalHits: counter.totalHits, resetTime: counter.resetTime };
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
