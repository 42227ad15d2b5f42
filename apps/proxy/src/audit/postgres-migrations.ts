import type { Migration } from './audit-store.ts';

/**
 * The PostgreSQL schema, one versioned step at a time (append, never edit a released step). Time is
 * `timestamptz` (written with millisecond precision), so operators can query it as time.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'audit_revocations',
    sql: `
      CREATE TABLE audit_revocations (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at TIMESTAMPTZ NOT NULL,
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
        actor_as_admin BOOLEAN NOT NULL,
        subject_user_id TEXT,
        subject_organization_id TEXT,
        subject_member_id TEXT,
        client_address TEXT,
        user_agent TEXT,
        UNIQUE (request_id, connected_app_id)
      );
      -- A user's history, newest first (the history endpoint).
      CREATE INDEX audit_revocations_user ON audit_revocations (subject_user_id, occurred_at DESC, id DESC);
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
        ON audit_revocations (subject_organization_id, subject_member_id, occurred_at DESC, id DESC);
    `,
  },
];
