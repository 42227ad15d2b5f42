import { closeSync, fdatasyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { CliError } from '../errors/cli-error.ts';
import { JournalLock } from './journal-lock.ts';
import type { JournalRecord } from './records.ts';

/** fdatasync after this many records, or {@link SYNC_EVERY_MS} after the first unsynced one. */
const SYNC_EVERY_RECORDS = 200;
const SYNC_EVERY_MS = 250;

/**
 * An append-only journal of JSON lines.
 *
 * Each record goes to the kernel with its own `write(2)` before the run moves on (an `attempt` before
 * its revoke is sent, an `outcome` before the next pair is counted), so a killed process — SIGKILL, a
 * crash, Ctrl+C — loses nothing. `fdatasync` only adds safety against an OS crash or power loss, and
 * one per record would cap the run at the disk's flush rate, so it is batched: every 200 records or
 * 250 ms, and on close. What such a crash can lose is the last quarter second of records; the pairs
 * in it are then sent again, which is safe since a revoke is idempotent.
 */
export class JournalFile {
  readonly path: string;
  #fd: number;
  #lock: JournalLock;
  #unsynced = 0;
  #timer: NodeJS.Timeout | undefined;

  private constructor(path: string, fd: number, lock: JournalLock) {
    this.path = path;
    this.#fd = fd;
    this.#lock = lock;
  }

  /**
   * Opens (creating it if need be) the journal at `path` for appending, and returns what it already
   * holds. A last line cut short by a crash is dropped from the file: it was never complete, so no
   * step relied on it. Throws a `CliError` for a journal another live run holds (`journal_in_use`,
   * see {@link JournalLock}) or with any other unreadable line (`unreadable_journal`).
   */
  static open(path: string): { file: JournalFile; records: JournalRecord[] } {
    const lock = JournalLock.acquire(path);
    let fd: number | undefined;
    try {
      let text: string;
      try {
        fd = openSync(path, 'a+');
        text = readFileSync(fd, 'utf8');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new CliError('unreadable_journal', `Cannot open the journal ${path} (${reason}).`);
      }
      const complete = text.lastIndexOf('\n') + 1;
      const records = parseRecords(text.slice(0, complete), path);
      if (complete < text.length) ftruncateSync(fd, Buffer.byteLength(text.slice(0, complete)));
      return { file: new JournalFile(path, fd, lock), records };
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      lock.release();
      throw error;
    }
  }

  /**
   * The records of the journal at `path` without opening it for writing (`--dry-run`, and the state
   * after a run); none when there is no such file.
   */
  static read(path: string): JournalRecord[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      throw new CliError(
        'unreadable_journal',
        `Cannot read the journal ${path} (${code ?? (error as Error).message}).`,
      );
    }
    return parseRecords(text.slice(0, text.lastIndexOf('\n') + 1), path);
  }

  /** Appends one record (one `write(2)`; see the class comment for when it is synced). */
  append(record: JournalRecord): void {
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    if (++this.#unsynced >= SYNC_EVERY_RECORDS) this.sync();
    else this.#timer ??= setTimeout(() => this.sync(), SYNC_EVERY_MS).unref();
  }

  /** Flushes what was appended to the disk. */
  sync(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#unsynced === 0) return;
    fdatasyncSync(this.#fd);
    this.#unsynced = 0;
  }

  /** Syncs and closes the file, and releases its lock. */
  close(): void {
    try {
      this.sync();
      closeSync(this.#fd);
    } finally {
      this.#lock.release();
    }
  }
}

function parseRecords(text: string, path: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      record = undefined;
    }
    if (!isRecord(record)) {
      throw new CliError(
        'unreadable_journal',
        `${path} line ${index + 1} is not a journal record: fix or remove the file, or pass another --journal.`,
      );
    }
    records.push(record);
  });
  return records;
}

const TYPES = new Set(['run', 'listed', 'attempt', 'outcome', 'end']);

function isRecord(value: unknown): value is JournalRecord {
  return (
    typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string)
  );
}
