import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  proxyEnv,
  proxyListPath,
  type RunningRedis,
  seedWorld,
  startRedis,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBundleIsCurrent, type DeployedBundle, deployBundle, runBundle } from './deployed-bundle.ts';

// ioredis and rate-limiter-flexible, which the Node entry loads only for REDIS_URL, are inside the one
// file too (the audit engines' counterpart is audit-bundle.test.ts): two copies of the bundle, alone
// in their directory, share one limit through Redis.
let emulator: Emulator;
let redis: RunningRedis;
let deployed: DeployedBundle;

beforeAll(async () => {
  await assertBundleIsCurrent();
  [emulator, redis, deployed] = await Promise.all([start({ port: 0 }), startRedis(), deployBundle()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([emulator?.stop(), redis?.stop()]);
  await deployed?.remove();
});

describe('the bundle with REDIS_URL', () => {
  it('shares its per-user limit with another replica through Redis', async () => {
    const world = await seedWorld(emulator);
    const env = proxyEnv(emulator, { PORT: '0', REDIS_URL: redis.url, RATE_LIMIT_PER_USER: '3' });
    const replicas = [runBundle(deployed, env), runBundle(deployed, env)];
    try {
      const urls = await Promise.all(replicas.map((replica) => replica.listening()));
      for (const url of urls) {
        expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({
          status: 'ok',
          rate_limits: 'shared',
        });
      }
      // Alice's calls alternate between the replicas: the third is the limit, the fourth over it.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const url = urls[i % 2] as string;
        const list = await fetch(`${url}${proxyListPath(world.alice.user_id)}`, {
          headers: bearer(world.alice.jwt),
        });
        statuses.push(list.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      for (const replica of replicas) replica.child.kill('SIGTERM');
      expect(await Promise.all(replicas.map((replica) => replica.exited))).toEqual([0, 0]);
    }
  });
});
