import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicAuthorization } from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ROLE,
  ALLOWED_ORIGIN,
  countRequests,
  injectListFault,
  injectRevokeFault,
  mintExpiredSessionJwt,
  type ProxyStartOptions,
  seedUser,
  seedWorld,
  startStack,
  stytchListPath,
  stytchRevokePath,
} from '../src/index.ts';

/**
 * A stand-in for the proxy (the kit cannot depend on it): a real HTTP server on 127.0.0.1 that
 * answers 200, logs one line, and remembers how it was started.
 */
function fakeProxyStarter() {
  const calls: Array<{ env: Record<string, string>; options: ProxyStartOptions }> = [];
  let stopped = 0;
  const startProxy = async (env: Record<string, string>, options: ProxyStartOptions) => {
    calls.push({ env, options });
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
    options.logDestination?.write(`${JSON.stringify({ msg: 'proxy listening' })}\n`);
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      kind: 'fake' as const,
      stop: () =>
        new Promise<void>((resolve) => {
          stopped++;
          server.close(() => resolve());
        }),
    };
  };
  return { startProxy, calls, stopped: () => stopped };
}

/** Calls the emulator's Stytch API directly, as the proxy would. */
async function callStytch(emulator: Emulator, method: string, path: string): Promise<number> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: basicAuthorization(emulator.projectId, emulator.secret) },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('startStack', () => {
  it('starts the proxy on the emulator with the test env, captures its logs, and stops both', async () => {
    const fake = fakeProxyStarter();
    const stack = await startStack({ startProxy: fake.startProxy, env: { UPSTREAM_RETRIES: '0' } });
    try {
      const [call] = fake.calls;
      expect(call?.env).toEqual({
        STYTCH_PROJECT_ID: stack.emulator.projectId,
        STYTCH_SECRET: stack.emulator.secret,
        STYTCH_BASE_URL: stack.emulator.url,
        CORS_ORIGINS: ALLOWED_ORIGIN,
        ADMIN_ROLE,
        UPSTREAM_TIMEOUT_MS: '1500',
        LOG_LEVEL: 'info',
        UPSTREAM_RETRIES: '0',
      });
      expect(call?.options.port).toBe(0);
      // The caller's own proxy type comes back.
      expect(stack.proxy.kind).toBe('fake');
      expect(stack.url).toBe(stack.proxy.url);
      expect(stack.apiUrl).toBe(`${stack.proxy.url}/api`);
      expect(await (await fetch(stack.url)).text()).toBe('ok');
      expect(stack.logs.lines()).toEqual([{ msg: 'proxy listening' }]);
    } finally {
      await stack.stop();
    }
    expect(fake.stopped()).toBe(1);
    await expect(fetch(`${stack.emulator.url}/_emulator/requests`)).rejects.toThrow();
  });

  it('names the API under PROXY_BASE_PATH, and leaves an emulator it was given running', async () => {
    const emulator = await start({ port: 0 });
    try {
      const stack = await startStack({
        startProxy: fakeProxyStarter().startProxy,
        emulator,
        env: { PROXY_BASE_PATH: '/connected' },
      });
      expect(stack.apiUrl).toBe(`${stack.url}/connected`);
      await stack.stop();
      expect((await emulator.control.getRequests()).requests).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });

  it('stops the emulator it started when the proxy fails to start', async () => {
    let emulatorUrl = '';
    const failing = async (env: Record<string, string>) => {
      emulatorUrl = env.STYTCH_BASE_URL ?? '';
      throw new Error('bad config');
    };
    await expect(startStack({ startProxy: failing })).rejects.toThrow('bad config');
    expect(emulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${emulatorUrl}/_emulator/requests`)).rejects.toThrow();
  });
});

describe('seeding and counting, on a real emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start({ port: 0 });
  });
  afterAll(() => emulator.stop());

  it('seeds the world: Alice with two apps, Bob with one, an admin, and an empty request log', async () => {
    const world = await seedWorld(emulator);
    const { control } = emulator;
    expect((await control.getTokens(world.alice.user_id, world.notes)).grant_active).toBe(true);
    expect((await control.getTokens(world.bob.user_id, world.calendar)).grant_active).toBe(true);
    expect((await control.getTokens(world.bob.user_id, world.notes)).grant_active).toBe(false);
    const claims = JSON.parse(Buffer.from(world.admin.jwt.split('.')[1] ?? '', 'base64url').toString()) as {
      'https://stytch.com/session': { roles: string[] };
    };
    expect(claims['https://stytch.com/session'].roles).toContain(ADMIN_ROLE);
    expect((await control.getRequests()).requests).toEqual([]);
  });

  it('seeds a user with the named apps, and counts the requests that reached Stytch', async () => {
    const stack = await startStack({ startProxy: fakeProxyStarter().startProxy, emulator });
    try {
      const user = await seedUser(emulator.control, ['Calendar Sync']);
      expect(user.apps.map((app) => app.name)).toEqual(['Calendar Sync']);
      const revoke = stytchRevokePath(user.user_id, user.apps[0]!.connected_app_id);
      await emulator.control.clearRequests();
      expect(await callStytch(emulator, 'POST', revoke)).toBe(200);
      expect(await callStytch(emulator, 'GET', `/v1/sessions/jwks/${emulator.projectId}`)).toBe(200);
      expect(await callStytch(emulator, 'GET', stytchListPath(user.user_id))).toBe(200);
      expect(await countRequests(emulator.control, 'POST', revoke)).toBe(1);
      expect(await countRequests(emulator.control, 'GET', revoke)).toBe(0);
      expect(await stack.stytchRequests()).toEqual([`POST ${revoke}`, `GET ${stytchListPath(user.user_id)}`]);
    } finally {
      await stack.stop();
    }
  });

  it('faults one revoke, or one list, and nothing else', async () => {
    const user = await seedUser(emulator.control, ['Calendar Sync', 'Notes']);
    const [calendar, notes] = user.apps.map((app) => app.connected_app_id);
    await injectRevokeFault(emulator.control, user.user_id, calendar!, { status: 500 });
    await injectListFault(emulator.control, user.user_id, { status: 503 });
    expect(await callStytch(emulator, 'POST', stytchRevokePath(user.user_id, notes!))).toBe(200);
    expect(await callStytch(emulator, 'GET', stytchRevokePath(user.user_id, calendar!))).toBe(404);
    expect(await callStytch(emulator, 'POST', stytchRevokePath(user.user_id, calendar!))).toBe(500);
    expect(await callStytch(emulator, 'GET', stytchListPath(user.user_id))).toBe(503);
    // A fault applies once unless told otherwise.
    expect(await callStytch(emulator, 'POST', stytchRevokePath(user.user_id, calendar!))).toBe(200);
  });

  it('mints a JWT already past its exp', async () => {
    const user = await seedUser(emulator.control, []);
    const jwt = await mintExpiredSessionJwt(emulator.control, user.user_id);
    const { exp } = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
    };
    expect(exp).toBeLessThan(Date.now() / 1000 - 60);
  });
});
