import pg from 'pg';
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
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { RECORD_COLUMNS } from './revocation-record.ts';

const SELECT = `SELECT id, (extract(epoch FROM occurred_at) * 1000)::bigint AS occurred_at_ms,
  ${RECORD_COLUMNS.slice(1).join(', ')} FROM audit_revocations`;
/** Any fixed number: two replicas starting together take turns to migrate. */
const MIGRATION_LOCK = 7_242_001;
/** Past any row's time and id: the start of a newest-first page. */
const NEWEST = { time: '9999-12-31T00:00:00.000Z', id: '9223372036854775807' };

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  url: string;
  /** Connections at most (`AUDIT_POOL_SIZE`). */
  poolSize: number;
  /** How long a query (and getting a connection) may take, server and client side, in ms. */
  statementTimeoutMs: number;
  /** Told about connections that fail while idle (the database went away). */
  logger: Logger;
}

/**
 * The audit trail in PostgreSQL, through `pg` (node-postgres) with a bounded `Pool`: at most
 * `poolSize` connections, each with a server-side `statement_timeout` and a client-side
 * `query_timeout`, so no query outlives its budget even on a half-dead connection. Migrated when
 * opened, under an advisory lock; rejects if the database cannot be reached.
 *
 * @example
 * const store = await openPostgresStore({ url, poolSize: 10, statementTimeoutMs: 5000, logger });
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<AuditStore> {
  const timeout = options.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: timeout,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeout,
    query_timeout: timeout,
    application_name: 'connected-apps-proxy',
  });
  // An idle connection that breaks (the server restarted) is dropped by the pool; without a listener
  // the 'error' event would end the process.
  pool.on('error', (error) => {
    options.logger.warn({ cause: `${error.name}: ${error.message}` }, 'audit database connection lost');
  });
  try {
    await migrate(pool, POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const rows = async (sql: string, params: unknown[]) =>
    ((await pool.query(sql, params)).rows as RecordRow[]).map(storedRevocation);
  const iso = (ms: number) => new Date(ms).toISOString();

  return {
    engine: 'postgres',
    write: async (records) => {
      if (records.length === 0) return;
      const width = RECORD_COLUMNS.length;
      const values = records.map(
        (_, row) => `(${RECORD_COLUMNS.map((__, column) => `$${row * width + column + 1}`).join(', ')})`,
      );
      // One statement is one transaction: the batch lands whole or not at all.
      await pool.query(
        `INSERT INTO audit_revocations (${RECORD_COLUMNS.join(', ')}) VALUES ${values.join(', ')} ${completePending('request_id, connected_app_id')}`,
        records.flatMap((record) => recordColumns(record, (time) => time, Boolean)),
      );
    },
    history: ({ subject, limit, before }) => {
      const [whose, keys] =
        'user_id' in subject
          ? ['subject_user_id = $1', [subject.user_id]]
          : [
              'subject_organization_id = $1 AND subject_member_id = $2',
              [subject.organization_id, subject.member_id],
            ];
      const n = keys.length;
      return rows(
        `${SELECT} WHERE ${whose} AND (occurred_at, id) < ($${n + 1}::timestamptz, $${n + 2}::bigint)
         ORDER BY occurred_at DESC, id DESC LIMIT $${n + 3}`,
        [...keys, before ? iso(before.occurredAtMs) : NEWEST.time, before?.id ?? NEWEST.id, limit],
      );
    },
    range: ({ sinceMs, untilMs, limit, after }) =>
      rows(
        `${SELECT} WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz
         AND (occurred_at, id) > ($3::timestamptz, $4::bigint) ORDER BY occurred_at, id LIMIT $5`,
        [iso(sinceMs), iso(untilMs), iso(after?.occurredAtMs ?? sinceMs), after?.id ?? 0, limit],
      ),
    deleteBefore: async (cutoffMs, limit) => {
      const result = await pool.query(
        `DELETE FROM audit_revocations WHERE id IN
           (SELECT id FROM audit_revocations WHERE occurred_at < $1::timestamptz ORDER BY occurred_at, id LIMIT $2)`,
        [iso(cutoffMs), limit],
      );
      return result.rowCount ?? 0;
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** Applies the steps not yet in `audit_schema_migrations`, in one transaction under an advisory lock. */
async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS audit_schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM audit_schema_migrations');
    for (const step of pendingMigrations(migrations, new Set(rows.map((row) => row.version)))) {
      await client.query(step.sql);
      await client.query('INSERT INTO audit_schema_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
