import { createReadStream } from 'node:fs';
import { appendFile, type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isRevocationRecord, type RevocationRecord } from './revocation-record.ts';

/** The file rows are appended to; renamed aside (`replay-….jsonl`) when a replay takes it. */
const ACTIVE = 'spool.jsonl';
const REPLAY = /^replay-\d+-\d+\.jsonl$/;
const REJECTED = 'rejected.jsonl';

/**
 * The local, append-only spool of rows the database could not take: JSON lines in one directory,
 * each append written and fsynced before it resolves. Appends made while one is being synced are
 * written together with the next sync (one fsync for many rows). A replay first renames the file
 * aside, so appends go on into a fresh one while the old one is read; a file is deleted only once
 * all its rows are in the database. One directory per proxy process.
 */
export interface Spool {
  readonly dir: string;
  /** Appends the rows and fsyncs; rejects if they could not be made durable. */
  append(records: readonly RevocationRecord[]): Promise<void>;
  /** Renames the active file aside (if it holds anything) and lists every file awaiting replay, oldest first. */
  takeForReplay(): Promise<string[]>;
  /** The rows of a file taken for replay; a line that is not a row (torn by a crash mid-write) is skipped and counted. */
  read(file: string): AsyncGenerator<RevocationRecord, { skipped: number }>;
  /** Deletes a replayed file. */
  remove(file: string): Promise<void>;
  /** Appends rows the database refused to `rejected.jsonl` (never replayed: for an operator to look at). */
  reject(records: readonly RevocationRecord[]): Promise<void>;
  /** Whether the last append succeeded (or none failed yet). */
  writable(): boolean;
  close(): Promise<void>;
}

/**
 * @example
 * const spool = createSpool('./audit-spool');
 * await spool.append([record]);
 */
export function createSpool(dir: string): Spool {
  let handle: Promise<FileHandle> | undefined;
  let pending: { lines: string; settle: Array<(error?: unknown) => void> } | undefined;
  let ok = true;
  let sequence = 0;
  // After a failed write the file may end in a torn line, and so may one left by a process killed
  // mid-write: the first write of a process, and the first after a failure, start on a new line.
  let torn = true;
  // Appends and the rename for a replay take turns, so no write ever lands in a file being moved.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };

  const activeHandle = () => {
    handle ??= (async () => {
      await mkdir(dir, { recursive: true });
      const file = await open(join(dir, ACTIVE), 'a');
      // The new file's name must survive a crash too: sync the directory once.
      await syncDirectory(dir);
      return file;
    })();
    handle.catch(() => {
      handle = undefined;
    });
    return handle;
  };
  const closeActive = async () => {
    const current = handle;
    handle = undefined;
    await current?.then((file) => file.close()).catch(() => undefined);
  };

  // Writes every line appended so far, with one fsync.
  const writePending = async () => {
    const batch = pending;
    pending = undefined;
    if (batch === undefined) return;
    try {
      const file = await activeHandle();
      await file.appendFile(torn ? `\n${batch.lines}` : batch.lines);
      await file.datasync();
      ok = true;
      torn = false;
      for (const settle of batch.settle) settle();
    } catch (error) {
      ok = false;
      torn = true;
      await closeActive();
      for (const settle of batch.settle) settle(error);
    }
  };

  return {
    dir,
    append: (records) =>
      new Promise<void>((resolve, reject) => {
        const lines = records.map((record) => `${JSON.stringify(record)}\n`).join('');
        const settle = (error?: unknown) => (error === undefined ? resolve() : reject(error));
        if (pending !== undefined) {
          pending.lines += lines;
          pending.settle.push(settle);
          return;
        }
        pending = { lines, settle: [settle] };
        void exclusive(writePending);
      }),
    takeForReplay: () =>
      exclusive(async () => {
        const active = join(dir, ACTIVE);
        const size = await stat(active).then(
          (info) => info.size,
          () => 0,
        );
        if (size > 0) {
          await closeActive();
          await rename(active, join(dir, `replay-${Date.now()}-${sequence++}.jsonl`));
          await syncDirectory(dir);
        }
        const names = await readdir(dir).catch(() => [] as string[]);
        return names
          .filter((name) => REPLAY.test(name))
          .sort(byReplayOrder)
          .map((name) => join(dir, name));
      }),
    read: async function* (file) {
      let skipped = 0;
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        const row = parse(line);
        if (row === undefined) skipped++;
        else yield row;
      }
      return { skipped };
    },
    remove: (file) => rm(file, { force: true }),
    reject: async (records) => {
      await mkdir(dir, { recursive: true });
      await appendFile(join(dir, REJECTED), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    },
    writable: () => ok,
    close: () => exclusive(closeActive),
  };
}

function parse(line: string): RevocationRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isRevocationRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function byReplayOrder(a: string, b: string): number {
  const [aTime = 0, aSeq = 0] = a.match(/\d+/g)?.map(Number) ?? [];
  const [bTime = 0, bSeq = 0] = b.match(/\d+/g)?.map(Number) ?? [];
  return aTime - bTime || aSeq - bSeq;
}

async function syncDirectory(dir: string): Promise<void> {
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
