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
