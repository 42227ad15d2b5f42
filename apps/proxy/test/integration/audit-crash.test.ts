import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { bearer, proxyEnv, proxyRevokePath, stytchRevokePath } from '@connected-apps/testkit';
import pMap from 'p-map';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appliedRevokes, seedGrants, sqliteRows, useTempDir } from '../helpers/audit-rows.ts';
import { type RunningMain, runMain } from '../helpers/run-main.ts';

const dir = useTempDir();
let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ port: 0 });
});
afterAll(() => emulator?.stop());

/** 40 (user, app) grants: one revoke each. */
const grants = () => seedGrants(emulator.control, 8, 5);

/** The CLI proxy (`src/main.ts`) on a SQLite audit file. */
function proxyProcess(name: string): { main: RunningMain; dbPath: string; spoolDir: string } {
  const dbPath = join(dir(), `${name}.db`);
  const spoolDir = join(dir(), `${name}-spool`);
  const env = proxyEnv(emulator, {
    PORT: '0',
    AUDIT_DATABASE_URL: `file:${dbPath}`,
    AUDIT_SPOOL_DIR: spoolDir,
    UPSTREAM_RETRIES: '0',
    RATE_LIMIT_PER_ADDRESS: '100000',
    RATE_LIMIT_PER_USER: '100000',
  });
  return { main: runMain(env), dbPath, spoolDir };
}

/**
 * A burst of revokes through `url`, six at a time, SIGKILLing `main` once `killAfter` have answered.
 * Requests cut by the kill fail; the burst resolves once every request settled.
 */
async function burstUntilKilled(
  url: string,
  main: RunningMain,
  pairs: Awaited<ReturnType<typeof grants>>,
  killAfter: number,
) {
  let answered = 0;
  const statuses = await pMap(
    pairs,
    async ({ user, app_id }) => {
      try {
        const response = await fetch(`${url}${proxyRevokePath(user.user_id, app_id)}`, {
          method: 'POST',
          headers: bearer(user.session_jwt),
        });
        await response.arrayBuffer();
        if (++answered === killAfter) main.child.kill('SIGKILL');
        return response.status;
      } catch {
        return 0;
      }
    },
    { concurrency: 6 },
  );
  await main.exited;
  return statuses;
}

/**
 * One row per applied revoke and no other claim of success: every revoke Stytch applied has exactly
 * one row (its outcome, or `pending` if the process died before Stytch's answer reached it), and no
 * row says `revoked` for a revoke Stytch did not apply.
 */
function expectOneRowPerAppliedRevoke(dbPath: string, applied: string[]) {
  const rows = sqliteRows(dbPath).filter((row) => row.action === 'revoke');
  const pathOf = (row: (typeof rows)[number]) =>
    stytchRevokePath(row.subject_user_id as string, row.connected_app_id);
  const paths = rows.map(pathOf);
  expect(new Set(paths).size).toBe(paths.length);
  expect(paths.filter((path) => applied.includes(path)).sort()).toEqual([...applied].sort());
  const revoked = rows.filter((row) => row.outcome === 'revoked').map(pathOf);
  expect(revoked.every((path) => applied.includes(path))).toBe(true);
  return rows;
}

describe('audit trail (SQLite) when the proxy process is SIGKILLed mid-burst', () => {
  it('keeps one row per applied revoke across the kill and the restart', async () => {
    const pairs = await grants();
    await emulator.control.clearRequests();
    const first = proxyProcess('killed');
    let second: RunningMain | undefined;
    try {
      const statuses = await burstUntilKilled(await first.main.listening(), first.main, pairs, 15);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(15);
      expect(statuses).toContain(0);
      const applied = await appliedRevokes(emulator.control);
      const rows = expectOneRowPerAppliedRevoke(first.dbPath, applied);
      // Every answer the client received is already in the trail with its outcome.
      expect(rows.filter((row) => row.outcome === 'revoked').length).toBeGreaterThanOrEqual(
        statuses.filter((status) => status === 200).length,
      );

      // Restarted, it finishes what was left; still one row per applied revoke.
      second = proxyProcess('killed').main;
      const url = await second.listening();
      const left = pairs.filter(
        ({ user, app_id }) => !applied.includes(stytchRevokePath(user.user_id, app_id)),
      );
      for (const { user, app_id } of left) {
        const response = await fetch(`${url}${proxyRevokePath(user.user_id, app_id)}`, {
          method: 'POST',
          headers: bearer(user.session_jwt),
        });
        expect(response.status).toBe(200);
      }
      // Every grant is revoked now, each by one applied revoke; an attempt the kill cut before it
      // reached Stytch keeps its pending row, and the retry has a row of its own.
      const all = await appliedRevokes(emulator.control);
      expect([...all].sort()).toEqual(
        pairs.map(({ user, app_id }) => stytchRevokePath(user.user_id, app_id)).sort(),
      );
      const after = sqliteRows(first.dbPath).filter((row) => row.action === 'revoke');
      const revokedPaths = after
        .filter((row) => row.outcome === 'revoked')
        .map((row) => stytchRevokePath(row.subject_user_id as string, row.connected_app_id));
      expect(new Set(revokedPaths).size).toBe(revokedPaths.length);
      expect(revokedPaths.length).toBeGreaterThanOrEqual(
        statuses.filter((status) => status === 200).length + left.length,
      );
      expect(after.filter((row) => row.outcome !== 'revoked').every((row) => row.outcome === 'pending')).toBe(
        true,
      );
      expect(after.length - revokedPaths.length).toBeLessThanOrEqual(6);
    } finally {
      first.main.kill();
      second?.kill();
    }
  }, 60_000);

  it('replays on start what the spool held when it was killed (the database locked all along)', async () => {
    const pairs = await grants();
    const proxy = proxyProcess('spooled');
    let restarted: RunningMain | undefined;
    let lock: DatabaseSync | undefined;
    try {
      const url = await proxy.main.listening();
      // Wait for the file to be created and migrated, then lock it: every row goes to the spool.
      await vi.waitFor(() => expect(existsSync(proxy.dbPath) && sqliteRows(proxy.dbPath)).toEqual([]));
      lock = new DatabaseSync(proxy.dbPath);
      lock.exec('BEGIN EXCLUSIVE');
      await emulator.control.clearRequests();
      const statuses = await burstUntilKilled(url, proxy.main, pairs, 15);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(15);
      const spooled = readdirSync(proxy.spoolDir).map((name) => statSync(join(proxy.spoolDir, name)).size);
      expect(spooled.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(0);
      expect(sqliteRows(proxy.dbPath)).toEqual([]);
      lock.exec('ROLLBACK');
      lock.close();
      lock = undefined;

      restarted = proxyProcess('spooled').main;
      await restarted.listening();
      const applied = await appliedRevokes(emulator.control);
      await vi.waitFor(() => expectOneRowPerAppliedRevoke(proxy.dbPath, applied), {
        timeout: 10_000,
        interval: 100,
      });
      await vi.waitFor(() =>
        expect(readdirSync(proxy.spoolDir).filter((name) => name.startsWith('replay-'))).toEqual([]),
      );
      expect(restarted.logLines()).toContainEqual(expect.objectContaining({ msg: 'audit spool replayed' }));
    } finally {
      lock?.close();
      proxy.main.kill();
      restarted?.kill();
    }
  }, 60_000);
});
