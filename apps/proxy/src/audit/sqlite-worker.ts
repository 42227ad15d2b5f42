import { Worker } from 'node:worker_threads';

/** What the worker is started with: the file, its pragmas, and every statement it may run, by name. */
export interface SqliteWorkerSetup {
  path: string;
  pragmas: readonly string[];
  statements: Readonly<Record<string, string>>;
  /**
   * Statements a `write` tries first for each row, by the name of the write's statement: the SQL
   * and which of the row's values it binds. When it changes no row, the write's statement runs.
   */
  firstTries?: Readonly<Record<string, { sql: string; params: readonly number[] }>>;
}

/** A parameter `node:sqlite` binds. */
export type SqliteValue = string | number | null;

/** The SQLite connection in its worker thread; each call resolves when the worker answered. */
export interface SqliteWorker {
  /**
   * Runs `statement` once per row (after its first try, when it has one and that changed nothing),
   * all in one transaction (`BEGIN IMMEDIATE` … `COMMIT`).
   */
  write(statement: string, rows: readonly (readonly SqliteValue[])[]): Promise<void>;
  /** The rows `statement` selects. */
  all(statement: string, params: readonly SqliteValue[]): Promise<unknown[]>;
  /** Runs `statement`; resolves with the number of rows it changed. */
  run(statement: string, params: readonly SqliteValue[]): Promise<number>;
  close(): Promise<void>;
}

type Call =
  | { op: 'write'; name: string; rows: readonly (readonly SqliteValue[])[] }
  | { op: 'all' | 'run'; name: string; params: readonly SqliteValue[] };
type Request = Call & { id: number };
type Reply = { id: number; result?: unknown; error?: { message: string; code?: string } };

/**
 * Starts the worker thread that holds the proxy's SQLite connection. `node:sqlite` is synchronous,
 * and a commit in WAL mode writes the log and, at each checkpoint, fsyncs: on the event loop those
 * waits would hold up every request. In a worker they hold up only the next write, while the event
 * loop queues rows for it (so rows arriving meanwhile share the next commit).
 *
 * The worker's code is {@link sqliteWorkerMain}, sent as source (`eval`), so that the proxy stays one
 * file when bundled; the SQL it runs comes from the caller (`setup.statements`).
 *
 * @example
 * const worker = await startSqliteWorker({ path, pragmas: ['PRAGMA journal_mode = WAL'], statements: { ping: 'SELECT 1' } });
 * await worker.all('ping', []);
 */
export function startSqliteWorker(setup: SqliteWorkerSetup): Promise<SqliteWorker> {
  const worker = new Worker(`(${sqliteWorkerMain.toString()})()`, { eval: true, workerData: setup });
  // A worker thread must not keep the process alive once the proxy has stopped.
  worker.unref();
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (pending === undefined) return;
    waiting.delete(reply.id);
    if (reply.error === undefined) pending.resolve(reply.result);
    else pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the SQLite worker exited (${code})`)));

  const call = (request: Call) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

  const api: SqliteWorker = {
    write: async (name, rows) => {
      await call({ op: 'write', name, rows });
    },
    all: async (name, params) => (await call({ op: 'all', name, params })) as unknown[],
    run: async (name, params) => (await call({ op: 'run', name, params })) as number,
    close: async () => {
      if (failure) return;
      await call({ op: 'run', name: '__close', params: [] }).catch(() => undefined);
      await worker.terminate();
    },
  };
  // Ready once the file is open, its pragmas set and every statement prepared (a bad one rejects here).
  return call({ op: 'all', name: '__ready', params: [] }).then(
    () => api,
    async (error: unknown) => {
      await worker.terminate();
      throw error;
    },
  );
}

/**
 * The worker's code. It runs as source in the worker thread, so it uses nothing but Node's built-ins
 * and what `workerData` brings: no import and no name from the module around it.
 */
function sqliteWorkerMain(): void {
  // `process.getBuiltinModule`, not `require`: a bundler rewrites `require` calls to a helper of its
  // own, which this code, sent alone, would not have.
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  const threads = process.getBuiltinModule('node:worker_threads');
  const { workerData } = threads;
  // This code only ever runs as a worker, which always has its port.
  const parentPort = threads.parentPort as NonNullable<typeof threads.parentPort>;
  const setup = workerData as SqliteWorkerSetup;
  let db: InstanceType<typeof DatabaseSync> | undefined;
  let statements: Record<
    string,
    { run(...params: SqliteValue[]): { changes: number | bigint }; all(...params: SqliteValue[]): unknown[] }
  > = {};
  let firstTries: Record<string, { statement: (typeof statements)[string]; params: readonly number[] }> = {};
  let opened: Error | undefined;
  try {
    db = new DatabaseSync(setup.path);
    for (const pragma of setup.pragmas) db.exec(pragma);
    for (const [name, sql] of Object.entries(setup.statements)) statements[name] = db.prepare(sql);
    for (const [name, { sql, params }] of Object.entries(setup.firstTries ?? {})) {
      firstTries[name] = { statement: db.prepare(sql), params };
    }
  } catch (error) {
    opened = error as Error;
  }
  parentPort.on('message', (request: Request) => {
    const reply = (result: unknown) => parentPort.postMessage({ id: request.id, result });
    try {
      if (opened !== undefined || db === undefined) throw opened;
      if (request.name === '__ready') return reply(true);
      if (request.name === '__close') {
        db.close();
        statements = {};
        firstTries = {};
        return reply(true);
      }
      const statement = statements[request.name];
      if (statement === undefined) throw new Error(`no statement ${request.name}`);
      if (request.op === 'write') {
        db.exec('BEGIN IMMEDIATE');
        try {
          const first = firstTries[request.name];
          for (const row of request.rows) {
            if (
              first !== undefined &&
              Number(first.statement.run(...first.params.map((i) => row[i] as SqliteValue)).changes) > 0
            ) {
              continue;
            }
            statement.run(...row);
          }
          db.exec('COMMIT');
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw error;
        }
        return reply(true);
      }
      if (request.op === 'run') return reply(Number(statement.run(...request.params).changes));
      return reply(statement.all(...request.params));
    } catch (error) {
      const { message, code } = error as { message?: string; code?: string };
      parentPort.postMessage({ id: request.id, error: { message: String(message), code } });
    }
  });
}
