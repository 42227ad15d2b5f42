import { Worker } from 'node:worker_threads';

/** The checkpointer as the store sees it. */
export interface SqliteCheckpointer {
  /** Tells it a transaction was committed; every `everyCommits`-th call asks for a checkpoint. */
  committed(): void;
  /** Stops the thread (and closes its connection). */
  close(): Promise<void>;
}

/** Options of {@link startSqliteCheckpointer}. */
export interface SqliteCheckpointerOptions {
  /** Commits between two checkpoint requests. @default 64 */
  everyCommits?: number;
  /**
   * Called once if the thread fails to start, fails or exits on its own (the store then checkpoints by
   * itself).
   */
  onFailure: (error: Error) => void;
}

/**
 * A worker thread that checkpoints the SQLite file's WAL on a connection of its own, so that the
 * copying into the database file and its fsyncs (the only syncs under `synchronous=NORMAL`) never
 * wait on the event loop, where the store commits. It runs `PRAGMA wal_checkpoint(PASSIVE)`: that
 * never blocks the writer and never waits for it, so it may leave the frames of a commit that raced
 * it; it runs again shortly after until the WAL is wholly copied, and the writer's next transaction
 * then starts the WAL over (trimmed to `journal_size_limit`).
 *
 * The thread's code is {@link checkpointerMain}, sent as source (`eval`), so that the proxy stays one
 * file when bundled. Nothing waits for the thread to start (a new isolate: hundreds of milliseconds
 * on a busy machine, longer than a write may wait for the store): commits go on meanwhile, and a
 * checkpoint asked for before it listens waits in its port.
 *
 * @example
 * const checkpointer = startSqliteCheckpointer(path, { onFailure: (error) => logger.warn(…) });
 * db.exec('COMMIT');
 * checkpointer.committed();
 */
export function startSqliteCheckpointer(
  path: string,
  options: SqliteCheckpointerOptions,
): SqliteCheckpointer {
  const everyCommits = options.everyCommits ?? 64;
  const worker = new Worker(`(${checkpointerMain.toString()})()`, { eval: true, workerData: { path } });
  // A checkpointer must not keep the process alive once the proxy has stopped.
  worker.unref();
  let commits = 0;
  let stopping = false;
  let failed = false;
  const fail = (error: Error) => {
    if (stopping || failed) return;
    failed = true;
    options.onFailure(error);
  };
  // Until the thread stops: its `closed` message, or its exit or crash.
  const stopped = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.on('message', (message: { closed?: true }) => {
      if (message.closed === true) resolve();
    });
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the SQLite checkpointer exited (${code})`)));
  worker.on('message', (message: { error?: string }) => {
    if (message.error !== undefined) fail(new Error(message.error));
  });
  return {
    committed: () => {
      if (failed || stopping || ++commits % everyCommits !== 0) return;
      // Queued by the port until the thread listens, if it is still starting.
      worker.postMessage('checkpoint');
    },
    close: async () => {
      if (stopping) return;
      stopping = true;
      if (!failed) {
        worker.postMessage('close');
        await stopped;
      }
      await worker.terminate();
    },
  };
}

/**
 * The thread's code. It runs as source in the worker thread, so it uses nothing but Node's built-ins
 * and what `workerData` brings: no import and no name from the module around it.
 */
function checkpointerMain(): void {
  // `process.getBuiltinModule`, not `require`: a bundler rewrites `require` calls to a helper of its
  // own, which this code, sent alone, would not have.
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  const threads = process.getBuiltinModule('node:worker_threads');
  const port = threads.parentPort as NonNullable<typeof threads.parentPort>;
  const { path } = threads.workerData as { path: string };
  // Soon after a request, so that requests made meanwhile share the checkpoint; again after one that
  // left frames behind (a commit raced it) until the WAL is wholly copied.
  const SOON_MS = 20;
  const AGAIN_MS = 250;
  let db: InstanceType<typeof DatabaseSync>;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    port.postMessage({ error: String((error as Error).message) });
    return;
  }
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    try {
      const { log, checkpointed } = checkpoint.get() as { log: number; checkpointed: number };
      if (checkpointed < log) timer = setTimeout(run, AGAIN_MS);
    } catch (error) {
      port.postMessage({ error: String((error as Error).message) });
    }
  };
  port.on('message', (message: 'checkpoint' | 'close') => {
    if (message === 'close') {
      clearTimeout(timer);
      db.close();
      port.postMessage({ closed: true });
      return;
    }
    timer ??= setTimeout(run, SOON_MS);
  });
}
