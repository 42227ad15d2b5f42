import type { RequestLogEntry } from '../types.ts';

/** How many entries the log keeps; the oldest go first, so a long benchmark cannot exhaust memory. */
export const REQUEST_LOG_LIMIT = 10_000;

/** Every Stytch API request received, for "the emulator received nothing" style assertions. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];

  /** Appends an entry and returns it, so the caller can fill in the status once it is known. */
  add(entry: RequestLogEntry): RequestLogEntry {
    if (this.#entries.length >= REQUEST_LOG_LIMIT) this.#entries.splice(0, REQUEST_LOG_LIMIT / 10);
    this.#entries.push(entry);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
