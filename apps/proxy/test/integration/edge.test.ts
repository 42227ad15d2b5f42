import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProxyApp } from '../../src/app/create-proxy-app.ts';
import { createProxyApp, loadConfig } from '../../src/edge.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { captureLogs } from '../helpers/log-capture.ts';
import { bearer, listPath, proxyEnv, revokePath, seedWorld, type World } from '../helpers/stack.ts';

let emulator: Emulator;
let proxy: ProxyApp;
let world: World;

beforeAll(async () => {
  emulator = await start({ port: 0 });
  proxy = createProxyApp(loadConfig(proxyEnv(emulator)), {
    logger: createLogger('info', captureLogs().stream),
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
      new Request(`https://proxy.example${listPath(alice.user_id)}`, { headers: bearer(alice.jwt) }),
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('x-content-type-options')).toBe('nosniff');
    const revoke = await proxy.fetch(
      new Request(`https://proxy.example${revokePath(alice.user_id, calendar)}`, {
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
      new Request(`https://proxy.example${listPath(world.alice.user_id)}`, {
        headers: { cookie: `stytch_session=${world.alice.token}` },
      }),
    );
    expect(response.status).toBe(200);
  });
});
