import { start } from '@connected-apps/stytch-emulator';
import { type LoadRequest, type LoadResult, measureLoad } from '../load/measure-load.ts';
import { spawnChild } from '../process/spawn-child.ts';
import { round } from '../stats.ts';
import { proxyBenchEnv } from '../targets/proxy-env.ts';
import { analyzeRss, type RssTrend } from './memory-trend.ts';
import type { RssSample } from './rss-sampler.ts';
import { sampleRss } from './rss-sampler.ts';

/** JS heap after a full GC, sampled every few seconds during the soak. */
export interface HeapSample {
  tS: number;
  heapMiB: number;
}

/** What a soak did and saw. */
export interface SoakResult {
  durationS: number;
  connections: number;
  load: LoadResult;
  rss: RssTrend;
  rssSamples: RssSample[];
  heapSamples: HeapSample[];
}

async function seedRequests(
  emulator: Awaited<ReturnType<typeof start>>,
  users: number,
): Promise<LoadRequest[]> {
  const app = await emulator.control.createConnectedApp({ name: 'Soak App', client_type: 'third_party' });
  const requests: LoadRequest[] = [];
  for (let i = 0; i < users; i++) {
    const user = await emulator.control.createUser({ name: `Soak User ${i}` });
    await emulator.control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid'],
    });
    const { session_jwt } = await emulator.control.mintSession({ user_id: user.user_id });
    const userPath = `/api/v1/users/${encodeURIComponent(user.user_id)}/connected_apps`;
    const authorization = `Bearer ${session_jwt}`;
    requests.push(
      { method: 'GET', path: userPath, headers: { authorization } },
      {
        method: 'POST',
        path: `${userPath}/${encodeURIComponent(app.connected_app_id)}/revoke`,
        headers: { authorization, 'content-type': 'application/json' },
        body: '{}',
      },
    );
  }
  return requests;
}

/**
 * Runs the proxy in its own process (started as its main.ts does, logging at `info` to a discarded
 * stdout) in front of the emulator, drives a steady mix of revoke and list calls from signed-in
 * users through it for `durationS`, samples its RSS every 250 ms and its JS heap after a full GC
 * every 5 s.
 *
 * @example
 * const { load, rss } = await runSoak({ durationS: 25, connections: 16 });
 */
export async function runSoak(options: {
  durationS: number;
  connections: number;
  users?: number;
}): Promise<SoakResult> {
  const emulator = await start({ port: 0 });
  try {
    const requests = await seedRequests(emulator, options.users ?? 8);
    const proxy = await spawnChild(
      new URL('./proxy-soak-process.ts', import.meta.url),
      proxyBenchEnv(emulator),
      {
        stdout: 'ignore',
        execArgv: ['--expose-gc'],
      },
    );
    try {
      const started = performance.now();
      const heapSamples: HeapSample[] = [];
      const heapTimer = setInterval(async () => {
        const heapMiB = await proxy.request<number>('heap-after-gc');
        heapSamples.push({ tS: round((performance.now() - started) / 1000, 1), heapMiB: round(heapMiB, 1) });
      }, 5000);
      const rssSampler = sampleRss(proxy.pid, 250);
      const load = await measureLoad({
        url: proxy.url,
        requests,
        connections: options.connections,
        durationS: options.durationS,
      });
      clearInterval(heapTimer);
      const rssSamples = await rssSampler.stop();
      return {
        durationS: options.durationS,
        connections: options.connections,
        load,
        rss: analyzeRss(rssSamples),
        rssSamples,
        heapSamples,
      };
    } finally {
      await proxy.stop();
    }
  } finally {
    await emulator.stop();
  }
}
