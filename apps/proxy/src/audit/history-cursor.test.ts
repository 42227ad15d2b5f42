import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './history-cursor.ts';

describe('history cursor', () => {
  it('round-trips a position as base64url', () => {
    const position = { occurredAtMs: 1_796_000_000_123, id: 9_007_199_254_740_991 };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not a position', btoa('hello').replace(/=+$/, '')],
    ['a negative time', btoa('-1.2').replace(/=+$/, '')],
    ['an id past 2^53', btoa('1.99999999999999999').replace(/=+$/, '')],
    ['too long', 'A'.repeat(65)],
  ])('refuses %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
