import type { Revocation } from '@connected-apps/core';

/**
 * One row of the audit trail: exactly the `Revocation` the history endpoint answers (core's wire
 * shape), so the database, the spool, the export and the API hold the same fields. Never a secret, a
 * token or a cookie: the session is named by its id only.
 */
export type RevocationRecord = Revocation;

/** A row's identity: our request id and the app (`''` for a revoke-all that attempted none). */
export function recordKey(record: Pick<RevocationRecord, 'request_id' | 'connected_app_id'>): string {
  return `${record.request_id}\u0000${record.connected_app_id ?? ''}`;
}

/**
 * The rows of a batch with one row per key: a row with an outcome wins over a `pending` one of the
 * same attempt (as the databases' upsert does), so a batch never names a key twice.
 *
 * @example
 * mergeRecords([pending, revoked]); // [revoked]
 */
export function mergeRecords(records: readonly RevocationRecord[]): RevocationRecord[] {
  const byKey = new Map<string, RevocationRecord>();
  for (const record of records) {
    const key = recordKey(record);
    const seen = byKey.get(key);
    if (seen === undefined || seen.outcome === 'pending') byKey.set(key, record);
  }
  return [...byKey.values()];
}

/** Whether a value read back from the spool is a row (a torn or foreign line is not). */
export function isRevocationRecord(value: unknown): value is RevocationRecord {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.request_id === 'string' &&
    typeof row.occurred_at === 'string' &&
    !Number.isNaN(Date.parse(row.occurred_at)) &&
    (row.connected_app_id === null || typeof row.connected_app_id === 'string') &&
    (row.action === 'revoke' || row.action === 'revoke_all') &&
    ['pending', 'revoked', 'failed', 'refused'].includes(row.outcome as string) &&
    typeof row.actor === 'object' &&
    row.actor !== null &&
    typeof row.subject === 'object' &&
    row.subject !== null
  );
}

/**
 * The record's fields as flat columns (`actor.user_id` → `actor_user_id`), in the order the CSV export
 * writes them: the columns of `audit_revocations` besides `id`, and of the export.
 */
export const RECORD_COLUMNS = [
  'occurred_at',
  'request_id',
  'stytch_request_id',
  'action',
  'connected_app_id',
  'outcome',
  'status_code',
  'error_type',
  'actor_user_id',
  'actor_member_id',
  'actor_session_id',
  'actor_as_admin',
  'subject_user_id',
  'subject_organization_id',
  'subject_member_id',
  'client_address',
  'user_agent',
] as const;

/** One of {@link RECORD_COLUMNS}. */
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** A column's value as the record holds it. */
export type RecordCell = string | number | boolean | null;

/**
 * The record flattened to its columns.
 *
 * @example
 * flatRecord(record).actor_user_id; // record.actor.user_id
 */
export function flatRecord(record: RevocationRecord): Record<RecordColumn, RecordCell> {
  const { actor, subject } = record;
  return {
    occurred_at: record.occurred_at,
    request_id: record.request_id,
    stytch_request_id: record.stytch_request_id,
    action: record.action,
    connected_app_id: record.connected_app_id,
    outcome: record.outcome,
    status_code: record.status_code,
    error_type: record.error_type,
    actor_user_id: actor.user_id,
    actor_member_id: actor.member_id,
    actor_session_id: actor.session_id,
    actor_as_admin: actor.as_admin,
    subject_user_id: subject.user_id,
    subject_organization_id: subject.organization_id,
    subject_member_id: subject.member_id,
    client_address: record.client_address,
    user_agent: record.user_agent,
  };
}
