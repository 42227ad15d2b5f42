import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Logger } from 'pino';
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
import { startSqliteCheckpointer } from './sqlite-checkpointer.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';

type SqliteValue = string | number | null;

const SELECT = `SELECT id, occurred_at AS occurred_at_ms, ${RECORD_COLUMNS.slice(1).join(', ')} FROM audit_revocations`;
const NEWEST = Number.MAX_SAFE_INTEGER;
/** A column's place in a row as `recordColumns` lays it out. */
const at = (column: RecordColumn) => RECORD_COLUMNS.indexOf(column);
const OUTCOME = at('outcome');
/** The values the outcome's UPDATE binds (?1 … ?7), by their place in a row. */
const OUTCOME_PARAMS = (
  [
    'outcome',
    'status_code',
    'error_type',
    'stytch_request_id',
    'request_id',
    'connected_app_id',
    'occurred_at',
  ] as const
).map(at);
/**
 * WAL pages after which a commit checkpoints on its own. Under steady writes the checkpointer's
 * passive checkpoints copy nearly all of the WAL but rarely its very last frames (a commit races
 * each), and the WAL starts over only once wholly copied: this connection's checkpoint then copies
 * the few frames left (a millisecond or two), so the WAL file stays near 16 MiB.
 */
const BACKSTOP_PAGES = 4000;
/** SQLite's own default, once the checkpointer has failed. */
const ALONE_PAGES = 1000;

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Told when the checkpointer thread fails (the store then checkpoints on its own). */
  logger?: Logger | undefined;
}

/**
 * The audit trail in a SQLite file, through Node's built-in `node:sqlite` (no native dependency to
 * build or bundle). Created (with its folder) and migrated when opened.
 *
 * Writes run on the caller's thread: a WAL commit under `synchronous=NORMAL` is a write to the WAL
 * file, not an fsync, and costs tens of microseconds, less than handing the rows to a thread and
 * back. It is in the WAL file when `write` resolves, so it survives the proxy crashing or being
 * SIGKILLed (only a power cut or an OS crash can lose the last commits). What could stall the event
 * loop is kept off it: checkpoints (copying the WAL into the file, and its fsyncs) run on a thread
 * of their own (`sqlite-checkpointer.ts`), and a write never waits for a lock (`busy_timeout = 0`):
 * another process holding the file makes it fail at once, and its rows go to the spool. One process
 * per file.
 *
 * @example
 * const store = await openSqliteStore('./audit.db');
 * await store.write([record]);
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<AuditStore> {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  let statements: ReturnType<typeof prepare>;
  try {
    for (const pragma of [
      'PRAGMA busy_timeout = 0',
      'PRAGMA journal_mode = WAL',
      'PRAGMA synchronous = NORMAL',
      `PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`,
      // The WAL file trimmed back to 64 MiB when it starts over.
      'PRAGMA journal_size_limit = 67108864',
      'PRAGMA temp_store = MEMORY',
    ]) {
      db.exec(pragma);
    }
    migrate(db, SQLITE_MIGRATIONS);
    statements = prepare(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const checkpointer = startSqliteCheckpointer(path, {
    onFailure: (error) => {
      options.logger?.warn(
        { cause: `${error.name}: ${error.message}` },
        'audit SQLite checkpointer failed: the proxy checkpoints on its own',
      );
      if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${ALONE_PAGES}`);
    },
  });
  const rows = (statement: StatementSync, ...params: SqliteValue[]) =>
    (statement.all(...params) as unknown as RecordRow[]).map(storedRevocation);

  return {
    engine: 'sqlite',
    write: async (records) => {
      transaction(db, () => {
        for (const record of records) {
          const row = recordColumns(record, Date.parse, (flag) => (flag ? 1 : 0)) as SqliteValue[];
          // An outcome completes its pending row: an UPDATE of the four columns it sets is about
          // half the work of the upsert. The upsert runs for a pending row, or an outcome whose
          // pending row is not here (it went to the spool).
          if (
            row[OUTCOME] !== 'pending' &&
            Number(statements.complete.run(...OUTCOME_PARAMS.map((i) => row[i] as SqliteValue)).changes) > 0
          ) {
            continue;
          }
          statements.upsert.run(...row);
        }
      });
      checkpointer.committed();
    },
    history: async ({ subject, limit, before }) => {
      const page = [before?.occurredAtMs ?? NEWEST, before?.id ?? NEWEST, limit];
      return 'user_id' in subject
        ? rows(statements.byUser, subject.user_id, ...page)
        : rows(statements.byMember, subject.organization_id, subject.member_id, ...page);
    },
    range: async ({ sinceMs, untilMs, limit, after }) =>
      rows(statements.range, sinceMs, untilMs, after?.occurredAtMs ?? sinceMs, after?.id ?? 0, limit),
    deleteBefore: async (cutoffMs, limit) => {
      const changes = Number(statements.deleteOldest.run(cutoffMs, limit).changes);
      checkpointer.committed();
      return changes;
    },
    ping: async () => {
      statements.ping.get();
    },
    close: async () => {
      await checkpointer.close();
      // The last connection to close checkpoints what is left and removes the WAL file.
      if (db.isOpen) db.close();
    },
  };
}

/** Every statement the store runs, prepared once. */
function prepare(db: DatabaseSync) {
  return {
    upsert: db.prepare(`INSERT INTO audit_revocations (${RECORD_COLUMNS.join(', ')})
      VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')})
      ${completePending('occurred_at, request_id, connected_app_id')}`),
    complete: db.prepare(`UPDATE audit_revocations
      SET outcome = ?1, status_code = ?2, error_type = ?3, stytch_request_id = ?4
      WHERE occurred_at = ?7 AND request_id = ?5 AND connected_app_id = ?6 AND outcome = 'pending'`),
    byUser: db.prepare(`${SELECT} WHERE subject_user_id = ? AND (occurred_at, id) < (?, ?)
      ORDER BY occurred_at DESC, id DESC LIMIT ?`),
    byMember: db.prepare(`${SELECT} WHERE subject_organization_id = ? AND subject_member_id = ?
      AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT ?`),
    range: db.prepare(`${SELECT} WHERE occurred_at >= ? AND occurred_at < ? AND (occurred_at, id) > (?, ?)
      ORDER BY occurred_at, id LIMIT ?`),
    deleteOldest: db.prepare(`DELETE FROM audit_revocations WHERE id IN
      (SELECT id FROM audit_revocations WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?)`),
    ping: db.prepare('SELECT 1'),
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
