import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  captureLogs,
  proxyEnv,
  proxyListPath,
  proxyRevokePath,
  seedWorld,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProxyApp, loadConfig, type ProxyApp } from '../../src/edge.ts';
import { createLogger } from '../../src/logging/create-logger.ts';

let emulator: Emulator;
let proxy: ProxyApp;
let world: World;

beforeAll(async () => {
  emulator = await start({ port: 0 });
  proxy = createProxyApp(loadConfig(proxyEnv(emulator)), {
    logger: createLogger('info', captureLogs()),
  });
});
beforeEach(async () => {
  world = await seedWorld(emulator);
});
afterAll(async () => {
  await proxy.close();
  await emulator.stop();
});

describe('the edge entry (fetch handler, fetch transport)', () => {
  it('lists and revokes through the fetch handler as an edge runtime would call it', async () => {
    const { alice, calendar } = world;
    const list = await proxy.fetch(
      new Request(`https://proxy.example${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) }),
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('x-content-type-options')).toBe('nosniff');
    const revoke = await proxy.fetch(
      new Request(`https://proxy.example${proxyRevokePath(alice.user_id, calendar)}`, {
        method: 'POST',
        headers: { ...bearer(alice.jwt), 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(revoke.status).toBe(200);
    expect((await emulator.control.getTokens(alice.user_id, calendar)).grant_active).toBe(false);
  });

  it('confirms an opaque session cookie with Stytch over fetch', async () => {
    const response = await proxy.fetch(
      new Request(`https://proxy.example${proxyListPath(world.alice.user_id)}`, {
        headers: { cookie: `stytch_session=${world.alice.token}` },
      }),
    );
    expect(response.status).toBe(200);
  });
});
