import type { Migration } from './audit-store.ts';

/**
 * The SQLite schema, one versioned step at a time (append, never edit a released step). Time is epoch
 * milliseconds (SQLite has no time type). `id` is the rowid, not AUTOINCREMENT (whose sequence table
 * costs a second write per row): pages are keyed on `(occurred_at, id)`, and a new row's time is never
 * older than a row retention kept, so a reused id could never fall behind a cursor. The row key leads
 * with the time: every row of one attempt carries its pending row's `occurred_at`, so it names the
 * same rows as (request id, app id), and new keys land at the index's newest end instead of at random
 * places (request ids are random): a commit then writes a few index pages, not one page per row.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'audit_revocations',
    sql: `
      CREATE TABLE audit_revocations (
        id INTEGER PRIMARY KEY,
        occurred_at INTEGER NOT NULL,
        request_id TEXT NOT NULL,
        connected_app_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('revoke', 'revoke_all')),
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'revoked', 'failed', 'refused')),
        status_code INTEGER,
        error_type TEXT,
        stytch_request_id TEXT,
        actor_user_id TEXT,
        actor_member_id TEXT,
        actor_session_id TEXT,
        actor_as_admin INTEGER NOT NULL,
        subject_user_id TEXT,
        subject_organization_id TEXT,
        subject_member_id TEXT,
        client_address TEXT,
        user_agent TEXT,
        UNIQUE (occurred_at, request_id, connected_app_id)
      );
      -- A user's history, newest first (the history endpoint).
      CREATE INDEX audit_revocations_user ON audit_revocations (subject_user_id, occurred_at, id);
      -- The export (a time range, oldest first) and retention (the oldest rows).
      CREATE INDEX audit_revocations_time ON audit_revocations (occurred_at, id);
    `,
  },
  {
    version: 2,
    name: 'audit_revocations_member',
    sql: `
      -- A B2B member's history, newest first (the members' history endpoint).
      CREATE INDEX audit_revocations_member
        ON audit_revocations (subject_organization_id, subject_member_id, occurred_at, id);
    `,
  },
];
