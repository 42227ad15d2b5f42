import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  countRequests,
  proxyEnv,
  proxyListPath,
  seedWorld,
  stytchListPath,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningMain, runMain } from '../helpers/run-main.ts';

let emulator: Emulator;
let world: World;
beforeAll(async () => {
  emulator = await start({ port: 0 });
});
beforeEach(async () => {
  world = await seedWorld(emulator);
});
afterAll(() => emulator.stop());

/** Starts the CLI, sends Alice's list through it and resolves once the call sits in the emulator. */
async function listInFlight(main: RunningMain, latencyMs: number) {
  const url = await main.listening();
  const wirePath = stytchListPath(world.alice.user_id);
  await emulator.control.injectFault({ path: wirePath, latency_ms: latencyMs });
  const answer = fetch(`${url}${proxyListPath(world.alice.user_id)}`, { headers: bearer(world.alice.jwt) });
  // Once the forwarded call is in the emulator's delay (its log records arrivals), stop the proxy; a
  // fixed sleep would race a busy machine.
  await vi.waitFor(async () => expect(await countRequests(emulator.control, 'GET', wirePath)).toBe(1), {
    timeout: 5000,
    interval: 20,
  });
  return { url, answer };
}

describe('SIGTERM', () => {
  it('lets an in-flight request finish within SHUTDOWN_TIMEOUT_MS, then exits 0', async () => {
    const main = runMain(proxyEnv(emulator, { PORT: '0', UPSTREAM_TIMEOUT_MS: '5000' }));
    try {
      const { url, answer } = await listInFlight(main, 700);
      main.child.kill('SIGTERM');
      const response = await answer;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { connected_apps: unknown[] }).connected_apps).toHaveLength(2);
      expect(await main.exited).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      expect(main.output()).toContain('proxy stopped');
    } finally {
      main.kill();
    }
  });

  it('past SHUTDOWN_TIMEOUT_MS aborts the Stytch call, answers 503 shutting_down and exits promptly', async () => {
    const graceMs = 400;
    const main = runMain(
      proxyEnv(emulator, { PORT: '0', UPSTREAM_TIMEOUT_MS: '8000', SHUTDOWN_TIMEOUT_MS: String(graceMs) }),
    );
    try {
      // Stytch would answer long after the grace period (and within the upstream timeout).
      const { answer } = await listInFlight(main, 5000);
      const signalled = performance.now();
      main.child.kill('SIGTERM');
      const response = await answer;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status_code: 503, error_type: 'shutting_down' });
      expect(await main.exited).toBe(0);
      // The grace period, then a moment to write the aborted answers and flush: not the 5 s upstream wait.
      expect(performance.now() - signalled).toBeLessThan(graceMs + 1500);

      const lines = main.logLines().filter((line) => line.route === '/api/v1/users/:user_id/connected_apps');
      expect(lines).toEqual([
        expect.objectContaining({ level: 'error', status: 503, error_type: 'shutting_down' }),
      ]);
      expect(main.output()).toContain('proxy stopped');
    } finally {
      main.kill();
    }
  });
});
