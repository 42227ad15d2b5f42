/**
 * `lru-cache` options that keep at most `maxEntries` entries without allocating room for all of them
 * up front. With `max`, lru-cache fills two arrays of `max` slots when the cache is created: for the
 * proxy's 10,000-entry caches that is about 2 ms each at every start, for caches a deployment may
 * never use (the B2B ones in a consumer project). Counting every entry as size 1 against `maxSize`
 * gives the same bound, with room grown as entries arrive.
 *
 * @example
 * const cache = new LRUCache<string, Session>({ ...entryBound(10_000), ttl: 60_000 });
 */
export function entryBound(maxEntries: number): { maxSize: number; sizeCalculation: () => number } {
  return { maxSize: maxEntries, sizeCalculation: () => 1 };
}
