import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { bearer, captureLogs, proxyEnv, proxyListPath, seedWorld } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createProxyApp } from '../../src/create-proxy-app.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { runMain } from '../helpers/run-main.ts';

// Readiness tells a load balancer when to stop sending: /readyz turns 503 as soon as a stop begins,
// while /healthz (liveness) stays 200 for as long as the process serves.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ port: 0 });
});
afterAll(() => emulator.stop());

const status = async (url: string) => (await fetch(url)).status;

describe('/readyz during a stop', () => {
  it('answers 503 from SIGTERM on while the proxy still serves for SHUTDOWN_READINESS_DELAY_MS, then exits 0', async () => {
    const world = await seedWorld(emulator);
    const delayMs = 1000;
    const main = runMain(proxyEnv(emulator, { PORT: '0', SHUTDOWN_READINESS_DELAY_MS: String(delayMs) }));
    try {
      const url = await main.listening();
      expect(await status(`${url}/readyz`)).toBe(200);

      main.child.kill('SIGTERM');
      const signalled = performance.now();
      await vi.waitFor(async () => expect(await status(`${url}/readyz`)).toBe(503), {
        timeout: 1000,
        interval: 20,
      });
      const readyz = await fetch(`${url}/readyz`);
      expect(readyz.headers.get('connection')).toBe('close');
      expect(await readyz.json()).toMatchObject({
        status_code: 503,
        error_type: 'not_ready',
        error_message: 'The proxy is stopping: send requests to another instance.',
      });
      // Still serving, liveness and real requests alike, until the delay is over.
      expect(await status(`${url}/healthz`)).toBe(200);
      const list = await fetch(`${url}${proxyListPath(world.alice.user_id)}`, {
        headers: bearer(world.alice.jwt),
      });
      expect(list.status).toBe(200);

      expect(await main.exited).toBe(0);
      expect(performance.now() - signalled).toBeGreaterThanOrEqual(delayMs - 50);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      expect(main.output()).toContain('proxy stopping: /readyz answers 503, still serving');
    } finally {
      main.kill();
    }
  });

  it('answers 503 from close() on in a host app that mounts the proxy', async () => {
    const proxy = createProxyApp(loadConfig(proxyEnv(emulator)), {
      logger: createLogger('info', captureLogs()),
    });
    const host = createServer((req, res) => proxy.node(req, res));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      expect(await status(`${url}/readyz`)).toBe(200);
      await proxy.close();
      expect(await status(`${url}/readyz`)).toBe(503);
      expect(await status(`${url}/healthz`)).toBe(200);
    } finally {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
