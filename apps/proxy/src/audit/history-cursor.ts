import type { Position } from './audit-store.ts';

/**
 * The history endpoint's `next_cursor`: the position (time, id) of the last row of a page, as
 * base64url. Opaque to clients; keyset pagination on it is stable while rows are added (a new row is
 * newer than every cursor already handed out, so pages never repeat or skip a row). `btoa`/`atob`
 * rather than `Buffer`, so the route stays runtime-neutral (it is served on the edge too).
 *
 * @example
 * decodeCursor(encodeCursor({ occurredAtMs: 1_700_000_000_000, id: 42 })); // { occurredAtMs: …, id: 42 }
 */
export function encodeCursor(position: Position): string {
  return btoa(`${position.occurredAtMs}.${position.id}`)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The position in a cursor, or `undefined` when it is not one this proxy made. */
export function decodeCursor(cursor: string): Position | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const match = /^(\d{1,15})\.(\d{1,18})$/.exec(text);
  if (match === null) return undefined;
  const position = { occurredAtMs: Number(match[1]), id: Number(match[2]) };
  return Number.isSafeInteger(position.id) ? position : undefined;
}
