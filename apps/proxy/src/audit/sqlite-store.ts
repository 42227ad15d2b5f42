import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type AuditStore,
  COMPLETE_PENDING,
  type HistorySubject,
  type Migration,
  RECORD_COLUMNS,
  type RecordRow,
  recordColumns,
  storedRevocation,
} from './audit-store.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';

const SELECT = `SELECT id, occurred_at AS occurred_at_ms, ${RECORD_COLUMNS.slice(1).join(', ')} FROM audit_revocations`;
const NEWEST = Number.MAX_SAFE_INTEGER;

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * How long a write waits for another process's lock before failing (and the row going to the
   * spool). Kept short: `node:sqlite` waits synchronously, holding up the event loop. @default 50
   */
  busyTimeoutMs?: number;
}

/**
 * The audit trail in a SQLite file, through Node's built-in `node:sqlite` (no native dependency to
 * build or bundle). Created (with its folder) and migrated when opened. WAL journal with
 * `synchronous=NORMAL`: a commit is in the WAL file when `write` resolves, so it survives the proxy
 * crashing or being SIGKILLed (only a power cut or an OS crash can lose the last commits; checkpoints
 * are synced). One process per file: a second writer would meet the lock and spool.
 *
 * @example
 * const store = openSqliteStore('./audit.db');
 * await store.write([record]);
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): AuditStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 50)}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, SQLITE_MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }

  const upsert = db.prepare(
    `INSERT INTO audit_revocations (${RECORD_COLUMNS.join(', ')})
     VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')}) ${COMPLETE_PENDING}`,
  );
  const byUser = db.prepare(
    `${SELECT} WHERE subject_user_id = ? AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  );
  const byMember = db.prepare(
    `${SELECT} WHERE subject_organization_id = ? AND subject_member_id = ? AND (occurred_at, id) < (?, ?)
     ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  );
  const range = db.prepare(
    `${SELECT} WHERE occurred_at >= ? AND occurred_at < ? AND (occurred_at, id) > (?, ?)
     ORDER BY occurred_at, id LIMIT ?`,
  );
  const deleteOldest = db.prepare(
    `DELETE FROM audit_revocations WHERE id IN
       (SELECT id FROM audit_revocations WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?)`,
  );
  const ping = db.prepare('SELECT 1');
  const rows = (statement: ReturnType<DatabaseSync['prepare']>, ...params: (string | number)[]) =>
    (statement.all(...params) as unknown as RecordRow[]).map(storedRevocation);

  // Each method runs synchronously and reports as a promise, as the interface (and PostgreSQL) do.
  return {
    engine: 'sqlite',
    write: async (records) => {
      transaction(db, () => {
        for (const record of records) {
          upsert.run(
            ...(recordColumns(record, Date.parse, (flag) => (flag ? 1 : 0)) as (string | number | null)[]),
          );
        }
      });
    },
    history: async ({ subject, limit, before }) => {
      const at = [before?.occurredAtMs ?? NEWEST, before?.id ?? NEWEST, limit] as const;
      return isMember(subject)
        ? rows(byMember, subject.organization_id, subject.member_id, ...at)
        : rows(byUser, subject.user_id, ...at);
    },
    range: async ({ sinceMs, untilMs, limit, after }) =>
      rows(range, sinceMs, untilMs, after?.occurredAtMs ?? sinceMs, after?.id ?? 0, limit),
    deleteBefore: async (cutoffMs, limit) => Number(deleteOldest.run(cutoffMs, limit).changes),
    ping: async () => {
      ping.get();
    },
    close: async () => {
      if (db.isOpen) db.close();
    },
  };
}

function isMember(subject: HistorySubject): subject is { organization_id: string; member_id: string } {
  return 'member_id' in subject;
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
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((step) => step.version));
    if (newest > known) {
      throw new Error(`the audit database is at schema version ${newest}, newer than this proxy (${known})`);
    }
    const record = db.prepare(
      'INSERT INTO audit_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const step of migrations) {
      if (applied.has(step.version)) continue;
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }
  });
}
