import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRecord } from '../../test/helpers/sample-record.ts';
import type { RevocationRecord } from './revocation-record.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dirs: string[] = [];
const dbPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'audit.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const row = (request_id: string, at: string, overrides: Partial<RevocationRecord> = {}): RevocationRecord =>
  sampleRecord({ request_id, occurred_at: at, ...overrides });

describe('SQLite store', () => {
  it('creates and migrates the file once, completes a pending row and never reverts or doubles it', async () => {
    const path = dbPath();
    const store = await openSqliteStore(path);
    const pending = row('req-1', '2026-01-02T03:04:05.678Z');
    const revoked = {
      ...pending,
      outcome: 'revoked' as const,
      status_code: 200,
      stytch_request_id: 'request-id-test-1',
    };
    await store.write([pending]);
    await store.write([revoked]);
    await store.write([pending, revoked, pending]);
    await store.close();

    const again = await openSqliteStore(path);
    const rows = await again.range({ sinceMs: 0, untilMs: Date.parse('2027-01-01'), limit: 10 });
    expect(rows.map((stored) => stored.record)).toEqual([revoked]);
    await again.close();
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('SELECT version, name FROM audit_schema_migrations').all()).toEqual([
      { version: 1, name: 'audit_revocations' },
      { version: 2, name: 'audit_revocations_member' },
    ]);
    db.close();
  });

  it('inserts an outcome whose pending row is not there (its pending row went to the spool)', async () => {
    const store = await openSqliteStore(dbPath());
    const failed = row('req-2', '2026-01-02T03:04:05.000Z', {
      outcome: 'failed',
      status_code: 502,
      error_type: 'upstream_unavailable',
    });
    await store.write([failed]);
    await store.write([row('req-2', '2026-01-02T03:04:05.000Z')]);
    const rows = await store.range({ sinceMs: 0, untilMs: Date.parse('2027-01-01'), limit: 10 });
    expect(rows.map((stored) => stored.record)).toEqual([failed]);
    await store.close();
  });

  it('writes a batch whole or not at all', async () => {
    const store = await openSqliteStore(dbPath());
    const bad = row('req-bad', '2026-01-02T03:04:05.000Z', { action: 'delete-everything' as never });
    await expect(store.write([row('req-ok', '2026-01-02T03:04:05.000Z'), bad])).rejects.toThrow(
      /CHECK constraint/,
    );
    expect(await store.range({ sinceMs: 0, untilMs: Date.parse('2027-01-01'), limit: 10 })).toEqual([]);
    await store.close();
  });

  it('pages a user history newest first, ties broken by id', async () => {
    const store = await openSqliteStore(dbPath());
    const same = '2026-01-02T03:04:05.000Z';
    await store.write([row('a', same), row('b', same), row('c', '2026-01-02T03:04:06.000Z')]);
    await store.write([
      row('other', same, { subject: { user_id: 'user-test-2', organization_id: null, member_id: null } }),
    ]);
    const first = await store.history({ subject: { user_id: 'user-test-1' }, limit: 2 });
    expect(first.map((stored) => stored.record.request_id)).toEqual(['c', 'b']);
    const second = await store.history({
      subject: { user_id: 'user-test-1' },
      limit: 2,
      before: first[1]?.position,
    });
    expect(second.map((stored) => stored.record.request_id)).toEqual(['a']);
    expect(await store.deleteBefore(Date.parse('2026-01-02T03:04:06.000Z'), 1)).toBe(1);
    await store.close();
  });

  it('checkpoints the WAL into the file from its own thread while writes go on', async () => {
    const path = dbPath();
    const store = await openSqliteStore(path);
    const before = statSync(path).size;
    for (let i = 0; i < 200; i++) {
      await store.write([row(`req-${i}`, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, i)).toISOString())]);
    }
    // Nothing on this thread copies the WAL (its own threshold is 10,000 pages): the file grows only
    // by the checkpointer's work.
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before));
    expect(await store.range({ sinceMs: 0, untilMs: Date.parse('2027-01-01'), limit: 500 })).toHaveLength(
      200,
    );
    await store.close();
  });

  it('never waits for another process holding the file: the write fails at once (its rows then spool)', async () => {
    const path = dbPath();
    const store = await openSqliteStore(path);
    const other = new DatabaseSync(path);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(store.write([row('req-locked', '2026-01-02T03:04:05.000Z')])).rejects.toThrow(/locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await store.write([row('req-free', '2026-01-02T03:04:05.000Z')]);
    const rows = await store.range({ sinceMs: 0, untilMs: Date.parse('2027-01-01'), limit: 10 });
    expect(rows.map((stored) => stored.record.request_id)).toEqual(['req-free']);
    await store.close();
  });

  it('refuses a database a newer proxy migrated', async () => {
    const path = dbPath();
    await (await openSqliteStore(path)).close();
    const db = new DatabaseSync(path);
    db.exec("INSERT INTO audit_schema_migrations VALUES (99, 'from the future', '2030-01-01')");
    db.close();
    await expect(openSqliteStore(path)).rejects.toThrow('schema version 99, newer than this proxy (2)');
  });
});
