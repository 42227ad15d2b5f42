import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  proxyListPath,
  type RunningRedis,
  type SeededUser,
  seedUser,
  startRedis,
} from '@connected-apps/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

// Two replicas behind one (imaginary) load balancer, sharing one Redis and one Stytch.
const LIMIT = 10;
// Above any test's requests per address, so the per-user limit is what a burst meets.
const ADDRESS_LIMIT = 4 * LIMIT;
const REDIS_TIMEOUT_MS = 200;
// The documented bound: a request waits on Redis at most REDIS_TIMEOUT_MS per limit, two limits; the
// rest is the emulator's answer and a busy two-core machine's scheduling.
const ANSWER_BOUND_MS = 2 * REDIS_TIMEOUT_MS + 800;
const ENV = {
  RATE_LIMIT_PER_USER: String(LIMIT),
  RATE_LIMIT_PER_ADDRESS: String(ADDRESS_LIMIT),
  RATE_LIMIT_WINDOW_MS: '60000',
  REDIS_TIMEOUT_MS: String(REDIS_TIMEOUT_MS),
  // Each test comes from its own client address (X-Forwarded-For), so the per-address limit of one
  // test never spends another's.
  TRUST_PROXY: '1',
};

let emulator: Emulator;
let redis: RunningRedis;
let inspector: Redis;
let replicas: ProxyStack[] = [];
let lastAddress = 0;

beforeAll(async () => {
  [emulator, redis] = await Promise.all([start({ port: 0 }), startRedis()]);
  replicas = await Promise.all([0, 1].map(() => startProxyStack({ ...ENV, REDIS_URL: redis.url }, emulator)));
  inspector = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // It loses its connection when the test kills Redis, and reconnects by itself.
  inspector.on('error', () => undefined);
  await warmUp();
});

afterAll(async () => {
  inspector?.disconnect();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await Promise.all([emulator?.stop(), redis?.stop()]);
});

/** A new client address (TEST-NET-2), so each test starts with a fresh per-address budget. */
const newAddress = () => `198.51.100.${++lastAddress}`;

/**
 * Each replica's first hit counted in Redis: a replica connects and loads the limiter's script on its
 * first hit (again after a Redis restart), and on a busy machine that first hit can pass
 * REDIS_TIMEOUT_MS and, as documented, be counted locally, with Redis skipped for a second. The
 * exact-count tests measure sharing, not a cold start, so they begin once each replica has counted a
 * hit in Redis (each attempt a new user and address, seen in Redis's own counter).
 */
async function warmUp(): Promise<void> {
  for (const index of [0, 1]) {
    await eventually(async () => {
      const user = await seedUser(emulator.control, ['Calendar Sync']);
      expect((await list(index, user, newAddress())).status).toBe(200);
      return (await inspector.get(`connected-apps:rate-limit:user:${user.user_id}`)) === '1';
    });
  }
}

interface Answer {
  status: number;
  replica: number;
  durationMs: number;
  retryAfter: string | null;
}

/** One list request as `user` from `address` to replica `index`; never waits past the bound. */
async function list(index: number, user: SeededUser, address: string): Promise<Answer> {
  const replica = replicas[index] as ProxyStack;
  const started = performance.now();
  const response = await fetch(`${replica.url}${proxyListPath(user.user_id)}`, {
    headers: { ...bearer(user.session_jwt), 'x-forwarded-for': address },
    signal: AbortSignal.timeout(5000),
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    replica: index,
    durationMs: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** `count` requests at once, spread evenly over `over` (replica indices). */
function burst(count: number, user: SeededUser, address: string, over = [0, 1]): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => list(over[i % over.length] as number, user, address)),
  );
}

const ok = (answers: Answer[], replica?: number) =>
  answers.filter((a) => a.status === 200 && (replica === undefined || a.replica === replica)).length;

async function readyz(index: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${(replicas[index] as ProxyStack).url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls until `check` holds (bounded): reconnection happens on ioredis's backoff, at most 2 s apart. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const redisLogs = (index: number) =>
  (replicas[index] as ProxyStack).logs
    .lines()
    .filter((line) => String(line.event).startsWith('rate_limit_redis_'))
    .map((line) => `${line.level} ${line.event}`);

const proxyConnections = async () =>
  String(await inspector.client('LIST'))
    .split('\n')
    .filter((line) => line.includes('name=connected-apps-proxy')).length;

describe('rate limits shared through Redis by every replica', () => {
  it('a burst spread over two replicas gets exactly the limit once, each hit counted once in Redis', async () => {
    const user = await seedUser(emulator.control, ['Calendar Sync']);
    const answers = await burst(3 * LIMIT, user, newAddress());
    expect(ok(answers)).toBe(LIMIT);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(2 * LIMIT);
    // Both replicas refused some: neither could have held the count alone.
    expect(new Set(refused.map((a) => a.replica))).toEqual(new Set([0, 1]));
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    // Atomic increments: 30 concurrent hits, 30 in the counter, none lost or doubled.
    expect(await inspector.get(`connected-apps:rate-limit:user:${user.user_id}`)).toBe(String(3 * LIMIT));
    const ttl = await inspector.pttl(`connected-apps:rate-limit:user:${user.user_id}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('shares the per-address limit too, counted before authentication', async () => {
    const address = newAddress();
    const anonymous = (index: number) =>
      fetch(`${(replicas[index] as ProxyStack).url}${proxyListPath('user-test-made-up-for-this-test')}`, {
        headers: { 'x-forwarded-for': address },
      }).then((response) => response.status);
    const statuses = await Promise.all(Array.from({ length: 2 * ADDRESS_LIMIT }, (_, i) => anonymous(i % 2)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(ADDRESS_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(ADDRESS_LIMIT);
  });

  it('without REDIS_URL each replica counts alone: the same burst gets the limit once per replica', async () => {
    const alone = await Promise.all([0, 1].map(() => startProxyStack(ENV, emulator)));
    try {
      const user = await seedUser(emulator.control, ['Calendar Sync']);
      const address = newAddress();
      const answers = await Promise.all(
        Array.from({ length: 3 * LIMIT }, async (_, i) => {
          const response = await fetch(`${(alone[i % 2] as ProxyStack).url}${proxyListPath(user.user_id)}`, {
            headers: { ...bearer(user.session_jwt), 'x-forwarded-for': address },
          });
          return { status: response.status, replica: i % 2 };
        }),
      );
      expect(answers.filter((a) => a.status === 200 && a.replica === 0)).toHaveLength(LIMIT);
      expect(answers.filter((a) => a.status === 200 && a.replica === 1)).toHaveLength(LIMIT);
      expect((await fetch(`${(alone[0] as ProxyStack).url}/readyz`).then((r) => r.json())) as object).toEqual(
        {
          status: 'ok',
          jwks: 'cached',
        },
      );
    } finally {
      await Promise.all(alone.map((stack) => stack.stop()));
    }
  });

  it('reports shared counting on /readyz, connects lazily, and close() quits its connection', async () => {
    expect(await readyz(0)).toEqual({
      status: 200,
      body: { status: 'ok', jwks: 'cached', rate_limits: 'shared' },
    });
    const before = await proxyConnections();
    expect(before).toBe(2);
    const third = await startProxyStack({ ...ENV, REDIS_URL: redis.url }, emulator);
    try {
      // Nothing counted yet, nothing connected.
      expect(await proxyConnections()).toBe(before);
      const user = await seedUser(emulator.control, ['Calendar Sync']);
      const response = await fetch(`${third.url}${proxyListPath(user.user_id)}`, {
        headers: { ...bearer(user.session_jwt), 'x-forwarded-for': newAddress() },
      });
      expect(response.status).toBe(200);
      expect(await proxyConnections()).toBe(before + 1);
    } finally {
      await third.stop();
    }
    expect(await proxyConnections()).toBe(before);
  });

  it('Redis killed mid-burst: every answer within the bound, each replica limits alone, then shares again', async () => {
    const user = await seedUser(emulator.control, ['Calendar Sync']);
    for (const replica of replicas) replica.logs.clear();

    // One client per replica, each sending 20 requests in a row; Redis dies after the 6th answer.
    const address = newAddress();
    const answers: Answer[] = [];
    let killed: Promise<void> | undefined;
    await Promise.all(
      [0, 1].map(async (index) => {
        for (let i = 0; i < 20; i++) {
          answers.push(await list(index, user, address));
          if (answers.length === 6) killed = redis.kill();
        }
      }),
    );
    await killed;
    for (const answer of answers) {
      expect(answer.durationMs).toBeLessThan(ANSWER_BOUND_MS);
      expect([200, 429]).toContain(answer.status);
    }
    // At least the 6 counted in Redis before it died, at most LIMIT; then LIMIT per replica, locally.
    expect(ok(answers)).toBeGreaterThanOrEqual(6 + 2 * LIMIT);
    expect(ok(answers)).toBeLessThanOrEqual(3 * LIMIT);

    // Fail open to a local limit: each replica counts from zero by itself, so each allows LIMIT.
    const other = await seedUser(emulator.control, ['Calendar Sync']);
    const during = await burst(2 * (LIMIT + 2), other, newAddress());
    for (const answer of during) expect(answer.durationMs).toBeLessThan(ANSWER_BOUND_MS);
    expect([ok(during, 0), ok(during, 1)]).toEqual([LIMIT, LIMIT]);
    expect(during.filter((a) => a.status === 429)).toHaveLength(4);
    for (const index of [0, 1]) {
      expect(await readyz(index)).toEqual({
        status: 200,
        body: { status: 'degraded', jwks: 'cached', rate_limits: 'local' },
      });
      // One warning for the outage, not one per request or per reconnection attempt.
      expect(redisLogs(index)).toEqual(['warn rate_limit_redis_down']);
    }

    await redis.restart();
    await eventually(async () => (await readyz(0)).body.rate_limits === 'shared');
    await eventually(async () => (await readyz(1)).body.rate_limits === 'shared');
    for (const index of [0, 1]) {
      expect(redisLogs(index)).toEqual(['warn rate_limit_redis_down', 'info rate_limit_redis_up']);
    }
    // Shared again (the restarted Redis is empty): the limit once across both replicas.
    await warmUp();
    const next = await seedUser(emulator.control, ['Calendar Sync']);
    const after = await burst(3 * LIMIT, next, newAddress());
    expect(ok(after)).toBe(LIMIT);
  });

  it('Redis stalled (accepting, never answering): answers within the bound, counted locally, then shared again', async () => {
    const user = await seedUser(emulator.control, ['Calendar Sync']);
    const address = newAddress();
    for (const replica of replicas) replica.logs.clear();
    redis.pause();
    try {
      // Sent at once, each waits for its own command to time out, and no longer.
      const during = await burst(2 * (LIMIT + 1), user, address);
      for (const answer of during) expect(answer.durationMs).toBeLessThan(ANSWER_BOUND_MS);
      expect([ok(during, 0), ok(during, 1)]).toEqual([LIMIT, LIMIT]);
      // Once the outage is known, a stalled Redis is skipped: one request per second per replica
      // tries it again, the others do not wait for it.
      const later: Answer[] = [];
      for (let i = 0; i < 20; i++) later.push(await list(i % 2, user, address));
      for (const answer of later) expect(answer.status).toBe(429);
      const waited = later.filter((a) => a.durationMs >= REDIS_TIMEOUT_MS).length;
      expect(waited).toBeLessThan(later.length / 2);
      for (const index of [0, 1]) {
        expect((await readyz(index)).body).toMatchObject({ status: 'degraded', rate_limits: 'local' });
        expect(redisLogs(index)).toEqual(['warn rate_limit_redis_down']);
      }
      // A replica starting now connects on its first request: the stalled handshake is bounded too.
      const fresh = await startProxyStack({ ...ENV, REDIS_URL: redis.url }, emulator);
      try {
        const started = performance.now();
        const first = await fetch(`${fresh.url}${proxyListPath(user.user_id)}`, {
          headers: { ...bearer(user.session_jwt), 'x-forwarded-for': newAddress() },
          signal: AbortSignal.timeout(5000),
        });
        expect(first.status).toBe(200);
        expect(performance.now() - started).toBeLessThan(ANSWER_BOUND_MS);
      } finally {
        await fresh.stop();
      }
    } finally {
      redis.resume();
    }
    // Recovery is noticed by the next request that tries Redis (one per second per replica).
    const next = await seedUser(emulator.control, ['Calendar Sync']);
    const nextAddress = newAddress();
    await eventually(async () => {
      await burst(2, next, nextAddress);
      return (
        (await readyz(0)).body.rate_limits === 'shared' && (await readyz(1)).body.rate_limits === 'shared'
      );
    });
    for (const index of [0, 1]) {
      expect(redisLogs(index)).toEqual(['warn rate_limit_redis_down', 'info rate_limit_redis_up']);
    }
  });

  it('a Redis refusing the credentials fails open with the warning, and the password is never logged', async () => {
    const guarded = await startRedis({ args: ['--requirepass', 'made-up-right-password'] });
    const password = 'made-up-wrong-password-for-this-test';
    const url = new URL(guarded.url);
    url.password = password;
    const refused = await startProxyStack({ ...ENV, REDIS_URL: url.href }, emulator);
    try {
      const user = await seedUser(emulator.control, ['Calendar Sync']);
      const response = await fetch(`${refused.url}${proxyListPath(user.user_id)}`, {
        headers: { ...bearer(user.session_jwt), 'x-forwarded-for': newAddress() },
      });
      expect(response.status).toBe(200);
      expect((await fetch(`${refused.url}/readyz`).then((r) => r.json())) as object).toMatchObject({
        status: 'degraded',
        rate_limits: 'local',
      });
      const warning = refused.logs.lines().find((line) => line.event === 'rate_limit_redis_down');
      expect(String(warning?.cause)).toMatch(/WRONGPASS/);
      expect(refused.logs.text()).not.toContain(password);
      expect(await response.text()).not.toContain(password);
    } finally {
      await refused.stop();
      await guarded.stop();
    }
  });
});
