import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { countRequests, seedWorld, stytchRevokePath, type World } from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { revoke, sqliteRows, useTempDir } from '../helpers/audit-rows.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

const dir = useTempDir();
let emulator: Emulator;
let world: World;
beforeAll(async () => {
  emulator = await start({ port: 0 });
});
beforeEach(async () => {
  world = await seedWorld(emulator);
});
afterAll(() => emulator?.stop());

/**
 * Another process's write lock on the SQLite file, as a long migration or a stuck tool would hold it:
 * the proxy's writes meet SQLITE_BUSY, exactly as when the database cannot take a row.
 */
function lockDatabase(path: string): () => void {
  const db = new DatabaseSync(path);
  db.exec('BEGIN EXCLUSIVE');
  return () => {
    db.exec('ROLLBACK');
    db.close();
  };
}

/** A proxy on its own SQLite file and spool, once its database is open. */
async function proxyOn(name: string, env: Record<string, string> = {}) {
  const dbPath = join(dir(), `${name}.db`);
  const spoolDir = join(dir(), `${name}-spool`);
  const stack = await startProxyStack(
    { AUDIT_DATABASE_URL: `file:${dbPath}`, AUDIT_SPOOL_DIR: spoolDir, UPSTREAM_RETRIES: '0', ...env },
    emulator,
  );
  await vi.waitFor(() => expect(stack.logs.text()).toContain('audit trail on'));
  // The file exists (and is migrated) once a first revoke was recorded.
  await revoke(stack.url, world.bob.user_id, world.calendar, world.bob.jwt);
  await vi.waitFor(() => expect(sqliteRows(dbPath)).toHaveLength(1));
  await emulator.control.clearRequests();
  return { stack, dbPath, spoolDir };
}

const spooledRows = (spoolDir: string) =>
  readdirSync(spoolDir)
    .flatMap((name) => readFileSync(join(spoolDir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { request_id: string; outcome: string });

describe('audit trail: nothing lost while the database cannot take rows', () => {
  let proxy: Awaited<ReturnType<typeof proxyOn>> & { stack: ProxyStack };
  afterAll(() => proxy?.stack.stop());

  it('spools the rows (fsynced) while SQLite is locked, revokes regardless, and replays them once it is free', async () => {
    proxy = await proxyOn('locked');
    const { alice, calendar, notes } = world;
    const unlock = lockDatabase(proxy.dbPath);
    let released = false;
    try {
      const first = await revoke(proxy.stack.url, alice.user_id, calendar, alice.jwt);
      const second = await revoke(proxy.stack.url, alice.user_id, notes, alice.jwt);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect((await emulator.control.getTokens(alice.user_id, calendar)).grant_active).toBe(false);
      // In the spool: each attempt's pending row and its outcome, with both request ids.
      const spooled = spooledRows(proxy.spoolDir);
      expect(spooled.filter((row) => row.request_id === first.requestId).map((row) => row.outcome)).toEqual([
        'pending',
        'revoked',
      ]);
      expect(spooled.filter((row) => row.request_id === second.requestId)).toHaveLength(2);
      expect(proxy.stack.logs.lines()).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'audit database unavailable: rows go to the spool' }),
      );
      unlock();
      released = true;
      // Replayed once the database answers again: one row per attempt, its outcome kept.
      await vi.waitFor(
        () => {
          const rows = sqliteRows(proxy.dbPath).filter((row) => row.subject_user_id === alice.user_id);
          expect(rows.map((row) => [row.request_id, row.outcome]).sort()).toEqual(
            [
              [first.requestId, 'revoked'],
              [second.requestId, 'revoked'],
            ].sort(),
          );
        },
        { timeout: 10_000, interval: 50 },
      );
      await vi.waitFor(() =>
        expect(readdirSync(proxy.spoolDir).filter((name) => name.startsWith('replay-'))).toEqual([]),
      );
    } finally {
      if (!released) unlock();
    }
  });
});

describe('AUDIT_REQUIRED=true', () => {
  let proxy: Awaited<ReturnType<typeof proxyOn>> | undefined;
  afterAll(() => proxy?.stack.stop());

  it('refuses a revoke nothing can record (database locked, spool unwritable) with 503 and sends nothing', async () => {
    // The spool's folder sits under a regular file: every append fails.
    const blocker = join(dir(), 'not-a-directory');
    writeFileSync(blocker, '');
    proxy = await proxyOn('required', { AUDIT_REQUIRED: 'true', AUDIT_SPOOL_DIR: join(blocker, 'spool') });
    const { alice, calendar } = world;
    const unlock = lockDatabase(proxy.dbPath);
    try {
      const refused = await revoke(proxy.stack.url, alice.user_id, calendar, alice.jwt);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({
        status_code: 503,
        error_type: 'audit_unavailable',
        request_id: refused.requestId,
      });
      expect(await countRequests(emulator.control, 'POST', stytchRevokePath(alice.user_id, calendar))).toBe(
        0,
      );
      expect((await emulator.control.getTokens(alice.user_id, calendar)).grant_active).toBe(true);
      expect(proxy.stack.logs.lines()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'audit row not recorded: the database and the spool both failed',
          audit_record: expect.objectContaining({ request_id: refused.requestId, outcome: 'pending' }),
        }),
      );
    } finally {
      unlock();
    }
    // Once the database takes rows again, revokes go through.
    await vi.waitFor(
      async () =>
        expect((await revoke(proxy?.stack.url ?? '', alice.user_id, calendar, alice.jwt)).status).toBe(200),
      { timeout: 10_000, interval: 200 },
    );
  });

  it('lets the revoke through when only the database is down: the spool records it', async () => {
    const spooling = await proxyOn('required-spool', { AUDIT_REQUIRED: 'true' });
    const { alice, notes } = world;
    const unlock = lockDatabase(spooling.dbPath);
    try {
      const { status, requestId } = await revoke(spooling.stack.url, alice.user_id, notes, alice.jwt);
      expect(status).toBe(200);
      expect(spooledRows(spooling.spoolDir).filter((row) => row.request_id === requestId)).toHaveLength(2);
    } finally {
      unlock();
      await spooling.stack.stop();
    }
  });
});
