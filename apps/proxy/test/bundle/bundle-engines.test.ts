import { join } from 'node:path';
import { PROXY_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  PROXY_BASE_PATH,
  proxyEnv,
  proxyRevokePath,
  type RunningPostgres,
  type RunningRedis,
  seedWorld,
  startPostgres,
  startRedis,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBundleIsCurrent, type DeployedBundle, deployBundle, runBundle } from './deployed-bundle.ts';

// The engines the Node entry loads only when configured — ioredis and rate-limiter-flexible for
// REDIS_URL, node:sqlite (in its worker thread) and pg for AUDIT_DATABASE_URL — are inside the one
// file too: the bundle, alone in its directory, shares its limits through Redis and records revokes.
let emulator: Emulator;
let redis: RunningRedis;
let postgres: RunningPostgres;
let deployed: DeployedBundle;

beforeAll(async () => {
  await assertBundleIsCurrent();
  [emulator, redis, postgres, deployed] = await Promise.all([
    start({ port: 0 }),
    startRedis(),
    startPostgres(),
    deployBundle(),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([emulator?.stop(), redis?.stop(), postgres?.stop()]);
  await deployed?.remove();
});

const historyPath = (userId: string) =>
  `${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.usersRevocations.template, { user_id: userId })}`;

describe.each([
  ['SQLite', () => `file:${join(deployed.dir, 'audit.db')}`],
  ['PostgreSQL', () => postgres.url],
])('the bundle with REDIS_URL and an audit trail on %s', (_engine, auditDatabaseUrl) => {
  it('counts its limits in Redis and records the revoke it forwards', async () => {
    const world = await seedWorld(emulator);
    const running = runBundle(
      deployed,
      proxyEnv(emulator, {
        PORT: '0',
        REDIS_URL: redis.url,
        AUDIT_DATABASE_URL: auditDatabaseUrl(),
        AUDIT_SPOOL_DIR: join(deployed.dir, 'spool'),
      }),
    );
    try {
      const url = await running.listening();
      const { alice, notes } = world;
      const revoke = await fetch(`${url}${proxyRevokePath(alice.user_id, notes)}`, {
        method: 'POST',
        headers: { ...bearer(alice.jwt), 'content-type': 'application/json' },
        body: '{}',
      });
      expect(revoke.status).toBe(200);
      expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({
        status: 'ok',
        rate_limits: 'shared',
      });

      const history = await fetch(`${url}${historyPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
      expect(history.status).toBe(200);
      const { revocations } = (await history.json()) as { revocations: { connected_app_id: string }[] };
      expect(revocations.map((r) => r.connected_app_id)).toContain(notes);
    } finally {
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
    }
  });
});
