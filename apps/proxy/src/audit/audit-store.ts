import { flatRecord, RECORD_COLUMNS, type RecordColumn, type RevocationRecord } from './revocation-record.ts';

/** A row's place in the trail's order: time, then the database's id (keyset pagination's key). */
export interface Position {
  occurredAtMs: number;
  id: number;
}

/** A row read back, with its position. */
export interface StoredRevocation {
  record: RevocationRecord;
  position: Position;
}

/** Whose history: a user's, or (B2B) a member's of an organization. */
export type HistorySubject = { user_id: string } | { organization_id: string; member_id: string };

/** One page of one subject's history, newest first, strictly before `before` when given. */
export interface HistoryQuery {
  subject: HistorySubject;
  limit: number;
  before?: Position | undefined;
}

/** One page of an export, oldest first: `since` ≤ time < `until`, strictly after `after` when given. */
export interface RangeQuery {
  sinceMs: number;
  untilMs: number;
  limit: number;
  after?: Position | undefined;
}

/**
 * One database engine behind the audit trail (SQLite or PostgreSQL), migrated when opened. Every
 * write is an idempotent upsert keyed by (request id, app id): a row already there is only ever
 * completed (a `pending` row taking its outcome), never replaced or doubled, so a batch can be
 * replayed from the spool any number of times.
 */
export interface AuditStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Writes the rows in one transaction (all or none). */
  write(records: readonly RevocationRecord[]): Promise<void>;
  history(query: HistoryQuery): Promise<StoredRevocation[]>;
  range(query: RangeQuery): Promise<StoredRevocation[]>;
  /** Deletes up to `limit` of the oldest rows older than `cutoffMs`; resolves with how many went. */
  deleteBefore(cutoffMs: number, limit: number): Promise<number>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A row as the engines' upsert takes it, in {@link RECORD_COLUMNS} order: `occurred_at` as each
 * engine stores time, `actor_as_admin` as its flag, `connected_app_id` `''` for none (a key column).
 */
export function recordColumns(
  record: RevocationRecord,
  time: (iso: string) => unknown,
  asAdmin: (flag: boolean) => unknown,
): unknown[] {
  const columns: Record<RecordColumn, unknown> = {
    ...flatRecord(record),
    occurred_at: time(record.occurred_at),
    connected_app_id: record.connected_app_id ?? '',
    actor_as_admin: asAdmin(record.actor.as_admin),
  };
  return RECORD_COLUMNS.map((column) => columns[column]);
}

/** A row as read back from either engine (`occurred_at` already in epoch ms). */
export interface RecordRow {
  id: number | string | bigint;
  occurred_at_ms: number | string;
  request_id: string;
  connected_app_id: string;
  action: RevocationRecord['action'];
  outcome: RevocationRecord['outcome'];
  status_code: number | null;
  error_type: string | null;
  stytch_request_id: string | null;
  actor_user_id: string | null;
  actor_member_id: string | null;
  actor_session_id: string | null;
  actor_as_admin: boolean | number;
  subject_user_id: string | null;
  subject_organization_id: string | null;
  subject_member_id: string | null;
  client_address: string | null;
  user_agent: string | null;
}

/** The stored row back as a {@link StoredRevocation}. */
export function storedRevocation(row: RecordRow): StoredRevocation {
  const occurredAtMs = Number(row.occurred_at_ms);
  return {
    position: { occurredAtMs, id: Number(row.id) },
    record: {
      occurred_at: new Date(occurredAtMs).toISOString(),
      request_id: row.request_id,
      stytch_request_id: row.stytch_request_id,
      action: row.action,
      connected_app_id: row.connected_app_id === '' ? null : row.connected_app_id,
      outcome: row.outcome,
      status_code: row.status_code === null ? null : Number(row.status_code),
      error_type: row.error_type,
      actor: {
        user_id: row.actor_user_id,
        member_id: row.actor_member_id,
        session_id: row.actor_session_id,
        as_admin: Boolean(row.actor_as_admin),
      },
      subject: {
        user_id: row.subject_user_id,
        organization_id: row.subject_organization_id,
        member_id: row.subject_member_id,
      },
      client_address: row.client_address,
      user_agent: row.user_agent,
    },
  };
}

/**
 * The upsert's conflict rule on an engine's row key (its unique columns), the same in both engines:
 * only a pending row takes an outcome.
 */
export const completePending = (key: string): string => `ON CONFLICT (${key}) DO UPDATE SET
  outcome = excluded.outcome,
  status_code = excluded.status_code,
  error_type = excluded.error_type,
  stytch_request_id = excluded.stytch_request_id
  WHERE audit_revocations.outcome = 'pending' AND excluded.outcome <> 'pending'`;

/** One versioned schema step; `audit_schema_migrations` records which have run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The steps of `migrations` not yet `applied`, in order. Throws when the database is at a step newer
 * than any here (a newer proxy migrated it), whose rows this one could misread.
 */
export function pendingMigrations(
  migrations: readonly Migration[],
  applied: ReadonlySet<number>,
): Migration[] {
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((step) => step.version));
  if (newest > known) {
    throw new Error(`the audit database is at schema version ${newest}, newer than this proxy (${known})`);
  }
  return migrations.filter((step) => !applied.has(step.version));
}
