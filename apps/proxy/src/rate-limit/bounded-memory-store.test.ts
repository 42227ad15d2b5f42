import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundedMemoryStore } from './bounded-memory-store.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('BoundedMemoryStore', () => {
  it('counts hits per key within a fixed window, then starts over', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const store = new BoundedMemoryStore(10);
    store.init({ windowMs: 1000 });
    expect(store.increment('a').totalHits).toBe(1);
    expect(store.increment('a').totalHits).toBe(2);
    expect(store.increment('b').totalHits).toBe(1);
    expect(store.increment('a').resetTime?.getTime()).toBe(1_001_000);
    vi.setSystemTime(1_001_000);
    expect(store.increment('a').totalHits).toBe(1);
  });

  it('answers each hit with its own count, unchanged by later hits', () => {
    const store = new BoundedMemoryStore();
    store.init({ windowMs: 60_000 });
    const first = store.increment('a');
    const second = store.increment('a');
    expect([first.totalHits, second.totalHits]).toEqual([1, 2]);
  });

  it('never holds more than maxKeys counters', () => {
    const store = new BoundedMemoryStore(2);
    store.init({ windowMs: 60_000 });
    store.increment('a');
    store.increment('b');
    store.increment('c');
    expect(store.get('a')).toBeUndefined();
    expect(store.get('c')?.totalHits).toBe(1);
  });

  it('decrements without going below zero and resets keys', () => {
    const store = new BoundedMemoryStore();
    store.init({ windowMs: 60_000 });
    store.increment('a');
    store.decrement('a');
    store.decrement('a');
    expect(store.get('a')?.totalHits).toBe(0);
    store.resetKey('a');
    expect(store.get('a')).toBeUndefined();
  });
});
