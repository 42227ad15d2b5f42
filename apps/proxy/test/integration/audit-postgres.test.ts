import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { type RunningPostgres, startPostgres, stytchRevokePath } from '@connected-apps/testkit';
import pMap from 'p-map';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appliedRevokes,
  postgresRows,
  readHistory,
  revoke,
  seedGrants,
  useTempDir,
} from '../helpers/audit-rows.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

const dir = useTempDir();
let pg: RunningPostgres;
let emulator: Emulator;
beforeAll(async () => {
  [pg, emulator] = await Promise.all([startPostgres(), start({ port: 0 })]);
}, 30_000);
afterAll(async () => {
  await emulator?.stop();
  await pg?.stop();
});

/** Two replicas of the proxy on one PostgreSQL database and one emulator, each with its own spool. */
async function twoReplicas(database: string): Promise<{ url: string; replicas: ProxyStack[] }> {
  const url = await pg.createDatabase(database);
  const replicas = await Promise.all(
    ['a', 'b'].map((name) =>
      startProxyStack(
        {
          AUDIT_DATABASE_URL: url,
          AUDIT_SPOOL_DIR: join(dir(), `${database}-${name}`),
          AUDIT_POOL_SIZE: '4',
          UPSTREAM_RETRIES: '0',
          RATE_LIMIT_PER_ADDRESS: '100000',
          RATE_LIMIT_PER_USER: '100000',
        },
        emulator,
      ),
    ),
  );
  return { url, replicas };
}

describe('audit trail on PostgreSQL, shared by two replicas', () => {
  it('records N revokes spread across both replicas as exactly N rows, each with both request ids', async () => {
    const { url, replicas } = await twoReplicas('audit_replicas');
    try {
      const pairs = await seedGrants(emulator.control, 8, 5);
      const answers = await pMap(
        pairs,
        ({ user, app_id }, i) =>
          revoke((replicas[i % 2] as ProxyStack).url, user.user_id, app_id, user.session_jwt),
        { concurrency: 8 },
      );
      expect(answers.map((answer) => answer.status)).toEqual(pairs.map(() => 200));
      const rows = await postgresRows(url);
      expect(rows).toHaveLength(pairs.length);
      const byRequest = new Map(rows.map((row) => [row.request_id, row]));
      for (const answer of answers) {
        expect(byRequest.get(answer.requestId as string)).toMatchObject({
          outcome: 'revoked',
          status_code: 200,
          stytch_request_id: answer.body.request_id,
        });
      }
      // Either replica reads what both recorded.
      const [first] = pairs;
      const history = await readHistory(
        (replicas[1] as ProxyStack).url,
        first?.user.user_id as string,
        first?.user.session_jwt as string,
      );
      expect(history.body.revocations).toHaveLength(5);
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
  });

  it('loses and doubles nothing when PostgreSQL is killed during a burst and restarted: the spools replay', async () => {
    const { url, replicas } = await twoReplicas('audit_crash');
    const pairs = await seedGrants(emulator.control, 12, 5);
    await emulator.control.clearRequests();
    let done = 0;
    let killed: Promise<void> | undefined;
    let restarted: Promise<void> | undefined;
    try {
      const answers = await pMap(
        pairs,
        async ({ user, app_id }, i) => {
          const answer = await revoke(
            (replicas[i % 2] as ProxyStack).url,
            user.user_id,
            app_id,
            user.session_jwt,
          );
          done++;
          // A third of the way in, the database dies; two thirds in, it comes back.
          if (done === 20) killed = pg.kill();
          if (done === 40)
            restarted = (async () => {
              await killed;
              await pg.restart();
            })();
          return { ...answer, path: stytchRevokePath(user.user_id, app_id) };
        },
        { concurrency: 6 },
      );
      await restarted;
      // The revoke is never blocked by the audit store: every one went through.
      expect(answers.map((answer) => answer.status)).toEqual(pairs.map(() => 200));
      expect(
        replicas.some((replica) =>
          replica.logs
            .lines()
            .some((line) => line.msg === 'audit database unavailable: rows go to the spool'),
        ),
      ).toBe(true);

      const applied = await appliedRevokes(emulator.control);
      expect(applied).toHaveLength(pairs.length);
      const pathOf = new Map(answers.map((answer) => [answer.requestId, answer.path]));
      await vi.waitFor(
        async () => {
          const rows = await postgresRows(url);
          expect(rows.map((row) => pathOf.get(row.request_id)).sort()).toEqual([...applied].sort());
          expect(rows.every((row) => row.outcome === 'revoked' && row.stytch_request_id !== null)).toBe(true);
        },
        { timeout: 20_000, interval: 250 },
      );
      // Some rows went through a spool: the replicas replayed them once PostgreSQL was back.
      await vi.waitFor(() => {
        const replayed = replicas.flatMap((replica) =>
          replica.logs.lines().filter((line) => line.msg === 'audit spool replayed'),
        );
        expect(replayed.reduce((sum, line) => sum + Number(line.rows), 0)).toBeGreaterThan(0);
      });
      // Replayed spools are deleted.
      for (const name of ['a', 'b']) {
        const spool = join(dir(), `audit_crash-${name}`);
        await vi.waitFor(() =>
          expect(readdirSync(spool).filter((file) => file.startsWith('replay-'))).toEqual([]),
        );
      }
      const rows = await postgresRows(url);
      const byRequest = new Map(rows.map((row) => [row.request_id, row]));
      expect(byRequest.size).toBe(pairs.length);
      for (const answer of answers) {
        expect(byRequest.get(answer.requestId as string)?.stytch_request_id).toBe(answer.body.request_id);
      }
    } finally {
      await restarted?.catch(() => undefined);
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
  }, 60_000);
});
