import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type RunningPostgres, startPostgres } from '@connected-apps/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditStore } from '../../src/audit/audit-store.ts';
import { openPostgresStore } from '../../src/audit/postgres-store.ts';
import type { RevocationRecord } from '../../src/audit/revocation-record.ts';
import { openSqliteStore } from '../../src/audit/sqlite-store.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { useTempDir } from '../helpers/audit-rows.ts';
import { sampleRecord } from '../helpers/sample-record.ts';

// A member's history, on both engines: the rows whose subject is that member of that organization,
// newest first, keyset-paged — never a user's row, nor another organization's.
const dir = useTempDir('audit-member-history-');
let postgres: RunningPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 30_000);
afterAll(() => postgres?.stop());

const memberRow = (
  request_id: string,
  second: number,
  organization_id: string,
  member_id: string,
): RevocationRecord =>
  sampleRecord({
    request_id,
    occurred_at: new Date(Date.UTC(2026, 0, 2, 3, 4, second)).toISOString(),
    actor: { user_id: null, member_id, session_id: 'member-session-test-1', as_admin: false },
    subject: { user_id: null, organization_id, member_id },
  });

const engines: [string, () => Promise<AuditStore>][] = [
  ['SQLite', () => openSqliteStore(join(dir(), 'audit.db'))],
  [
    'PostgreSQL',
    async () =>
      openPostgresStore({
        url: await postgres.createDatabase('audit_member_history'),
        poolSize: 2,
        statementTimeoutMs: 5000,
        logger: createLogger('silent'),
      }),
  ],
];

describe.each(engines)("a member's history on %s", (_engine, open) => {
  it('reads only that member of that organization, newest first, page by page', async () => {
    const store = await open();
    try {
      await store.write([
        memberRow('a', 1, 'organization-test-1', 'member-test-1'),
        memberRow('b', 2, 'organization-test-1', 'member-test-1'),
        memberRow('c', 3, 'organization-test-1', 'member-test-1'),
        memberRow('other-member', 4, 'organization-test-1', 'member-test-2'),
        memberRow('other-organization', 5, 'organization-test-2', 'member-test-1'),
        sampleRecord({ request_id: 'a-user', occurred_at: '2026-01-02T03:04:06.000Z' }),
      ]);
      const subject = { organization_id: 'organization-test-1', member_id: 'member-test-1' };
      const first = await store.history({ subject, limit: 2 });
      expect(first.map((stored) => stored.record.request_id)).toEqual(['c', 'b']);
      const rest = await store.history({ subject, limit: 2, before: first[1]?.position });
      expect(rest.map((stored) => stored.record.request_id)).toEqual(['a']);
      expect(rest[0]?.record.subject).toEqual({ user_id: null, ...subject });
      // The user's history is untouched by members' rows.
      const user = await store.history({ subject: { user_id: 'user-test-1' }, limit: 10 });
      expect(user.map((stored) => stored.record.request_id)).toEqual(['a-user']);
    } finally {
      await store.close();
    }
  });
});

it("migrates PostgreSQL to the members' index (version 2), which the member query uses", async () => {
  const url = await postgres.createDatabase('audit_member_index');
  const store = await openPostgresStore({
    url,
    poolSize: 1,
    statementTimeoutMs: 5000,
    logger: createLogger('silent'),
  });
  await store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const versions = await client.query('SELECT version, name FROM audit_schema_migrations ORDER BY version');
    expect(versions.rows).toEqual([
      { version: 1, name: 'audit_revocations' },
      { version: 2, name: 'audit_revocations_member' },
    ]);
    await client.query('SET enable_seqscan = off');
    const plan = await client.query(
      `EXPLAIN SELECT id FROM audit_revocations WHERE subject_organization_id = 'o' AND subject_member_id = 'm'
       AND (occurred_at, id) < (now(), 1) ORDER BY occurred_at DESC, id DESC LIMIT 21`,
    );
    expect(plan.rows.map((row) => Object.values(row).join('')).join('\n')).toContain(
      'audit_revocations_member',
    );
  } finally {
    await client.end();
  }
});

it("migrates SQLite to the members' index (version 2), which the member query uses", async () => {
  const path = join(dir(), 'plan.db');
  await (await openSqliteStore(path)).close();
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM audit_revocations WHERE subject_organization_id = 'o'
         AND subject_member_id = 'm' AND (occurred_at, id) < (1, 1) ORDER BY occurred_at DESC, id DESC LIMIT 21`,
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('audit_revocations_member');
  } finally {
    db.close();
  }
});
