import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, listPath, proxyEnv, seedWorld } from '../helpers/stack.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** Runs `src/main.ts` as the CLI does (`node --conditions=@connected-apps/source`), with only the given environment. */
function runMain(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--conditions=@connected-apps/source', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ port: 0 });
});
afterAll(() => emulator.stop());

describe('the CLI (src/main.ts)', () => {
  it('exits non-zero with one message naming each bad variable', async () => {
    const { child, output } = runMain({
      STYTCH_PROJECT_ID: 'not-a-project',
      PORT: '99999',
      CORS_ORIGINS: '*',
      STYTCH_SECRET: 'has a space',
    });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).not.toBe(0);
    const text = output();
    for (const name of ['STYTCH_PROJECT_ID', 'STYTCH_SECRET', 'PORT', 'CORS_ORIGINS'])
      expect(text).toContain(`${name}:`);
    expect(text).not.toContain('has a space');
    expect(text.trim().startsWith('Invalid proxy configuration (4 problems)')).toBe(true);
  });

  it('on SIGTERM finishes the in-flight request, then exits 0', async () => {
    const world = await seedWorld(emulator);
    const { child, output } = runMain(proxyEnv(emulator, { PORT: '0', UPSTREAM_TIMEOUT_MS: '5000' }));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`proxy did not start: ${output()}`)), 10_000);
        child.stdout?.on('data', () => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      await emulator.control.injectFault({
        path: `/v1/users/${world.alice.user_id}/connected_apps`,
        latency_ms: 700,
      });
      const listOnWire = `/v1/users/${world.alice.user_id}/connected_apps`;
      const inFlight = fetch(`${url}${listPath(world.alice.user_id)}`, { headers: bearer(world.alice.jwt) });
      // Once the forwarded call sits in the emulator's delay (its log records arrivals), ask the
      // proxy to stop; a fixed sleep would race a busy machine.
      await vi.waitFor(
        async () => {
          const { requests } = await emulator.control.getRequests();
          expect(requests.some((r) => r.method === 'GET' && r.path === listOnWire)).toBe(true);
        },
        { timeout: 5000, interval: 20 },
      );
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { connected_apps: unknown[] }).connected_apps).toHaveLength(2);
      const [code] = (await exited) as [number];
      expect(code).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      expect(output()).toContain('proxy stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
