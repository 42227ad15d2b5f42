import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type AuditStore,
  completePending,
  type Migration,
  pendingMigrations,
  type RecordRow,
  recordColumns,
  storedRevocation,
} from './audit-store.ts';
import { RECORD_COLUMNS, type RecordColumn } from './revocation-record.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import { type SqliteValue, startSqliteWorker } from './sqlite-worker.ts';

/** A column's place in a row as `write` sends it ({@link RECORD_COLUMNS} order). */
const at = (column: RecordColumn) => RECORD_COLUMNS.indexOf(column);
const SELECT = `SELECT id, occurred_at AS occurred_at_ms, ${RECORD_COLUMNS.slice(1).join(', ')} FROM audit_revocations`;
const NEWEST = Number.MAX_SAFE_INTEGER;

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * How long a write waits for another process's lock before failing (and its rows going to the
   * spool); it waits in the worker thread, never on the event loop. @default 250
   */
  busyTimeoutMs?: number;
}

/**
 * The audit trail in a SQLite file, through Node's built-in `node:sqlite` (no native dependency to
 * build or bundle). Created (with its folder) and migrated when opened, then served by a worker
 * thread (`sqlite-worker.ts`), so commits and checkpoint fsyncs never wait on the event loop. WAL
 * journal with `synchronous=NORMAL`: a commit is in the WAL file when `write` resolves, so it
 * survives the proxy crashing or being SIGKILLed (only a power cut or an OS crash can lose the last
 * commits; checkpoints are synced). One process per file: a second writer meets the lock and spools.
 *
 * @example
 * const store = await openSqliteStore('./audit.db');
 * await store.write([record]);
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<AuditStore> {
  const pragmas = [
    `PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 250)}`,
    'PRAGMA journal_mode = WAL',
    'PRAGMA synchronous = NORMAL',
    // Checkpoints (the only fsyncs under NORMAL) every ~16 MiB of WAL rather than SQLite's ~4 MiB,
    // and the WAL file trimmed back after each: fewer stalls of the writer under a burst of revokes.
    'PRAGMA wal_autocheckpoint = 4000',
    'PRAGMA journal_size_limit = 67108864',
    'PRAGMA temp_store = MEMORY',
  ];
  mkdirSync(dirname(path), { recursive: true });
  // Migrated here, once, before the worker opens its own connection.
  const db = new DatabaseSync(path);
  try {
    for (const pragma of pragmas) db.exec(pragma);
    migrate(db, SQLITE_MIGRATIONS);
  } finally {
    db.close();
  }

  const worker = await startSqliteWorker({
    path,
    pragmas,
    statements: {
      upsert: `INSERT INTO audit_revocations (${RECORD_COLUMNS.join(', ')})
        VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')})
        ${completePending('occurred_at, request_id, connected_app_id')}`,
      byUser: `${SELECT} WHERE subject_user_id = ? AND (occurred_at, id) < (?, ?)
        ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      range: `${SELECT} WHERE occurred_at >= ? AND occurred_at < ? AND (occurred_at, id) > (?, ?)
        ORDER BY occurred_at, id LIMIT ?`,
      deleteOldest: `DELETE FROM audit_revocations WHERE id IN
        (SELECT id FROM audit_revocations WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?)`,
      ping: 'SELECT 1',
    },
    firstTries: {
      // An outcome completes its pending row: an UPDATE of the four columns it sets is about half the
      // work of the upsert (which reads every column and tries an insert first). The upsert runs only
      // when the UPDATE changed nothing: a pending row, or an outcome whose pending row is not here.
      upsert: {
        sql: `UPDATE audit_revocations SET outcome = ?1, status_code = ?2, error_type = ?3, stytch_request_id = ?4
          WHERE occurred_at = ?7 AND request_id = ?5 AND connected_app_id = ?6
            AND outcome = 'pending' AND ?1 <> 'pending'`,
        params: [
          at('outcome'),
          at('status_code'),
          at('error_type'),
          at('stytch_request_id'),
          at('request_id'),
          at('connected_app_id'),
          at('occurred_at'),
        ],
      },
    },
  });
  const rows = async (statement: string, ...params: SqliteValue[]) =>
    ((await worker.all(statement, params)) as RecordRow[]).map(storedRevocation);

  return {
    engine: 'sqlite',
    write: (records) =>
      worker.write(
        'upsert',
        records.map((record) => recordColumns(record, Date.parse, (flag) => (flag ? 1 : 0)) as SqliteValue[]),
      ),
    history: ({ subject, limit, before }) =>
      rows('byUser', subject.user_id, before?.occurredAtMs ?? NEWEST, before?.id ?? NEWEST, limit),
    range: ({ sinceMs, untilMs, limit, after }) =>
      rows('range', sinceMs, untilMs, after?.occurredAtMs ?? sinceMs, after?.id ?? 0, limit),
    deleteBefore: (cutoffMs, limit) => worker.run('deleteOldest', [cutoffMs, limit]),
    ping: async () => {
      await worker.all('ping', []);
    },
    close: () => worker.close(),
  };
}

function transaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Applies the steps not yet recorded in `audit_schema_migrations`, in one transaction. */
function migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS audit_schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  transaction(db, () => {
    const applied = new Set(
      (db.prepare('SELECT version FROM audit_schema_migrations').all() as { version: number }[]).map(
        (row) => row.version,
      ),
    );
    const record = db.prepare(
      'INSERT INTO audit_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const step of pendingMigrations(migrations, applied)) {
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }
  });
}
