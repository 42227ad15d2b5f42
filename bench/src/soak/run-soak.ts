import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { bearer, proxyListPath, proxyRevokePath } from '@connected-apps/testkit';
import { type LoadRequest, type LoadResult, measureLoad } from '../load/measure-load.ts';
import { spawnChild } from '../process/spawn-child.ts';
import { round } from '../stats.ts';
import { proxyBenchEnv } from '../targets/proxy-env.ts';
import { seedGrants } from '../upstream/seed-grants.ts';
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

/** For each seeded user, a list and a revoke through the proxy with that user's session JWT. */
async function seedRequests(emulator: Emulator, users: number): Promise<LoadRequest[]> {
  const { connected_app_id, user_ids } = await seedGrants(emulator.control, { label: 'Soak', users });
  const requests: LoadRequest[] = [];
  for (const user_id of user_ids) {
    const { session_jwt } = await emulator.control.mintSession({ user_id });
    requests.push(
      {
        method: STYTCH_ROUTES.usersConnectedApps.method,
        path: proxyListPath(user_id),
        headers: bearer(session_jwt),
      },
      {
        method: STYTCH_ROUTES.usersRevoke.method,
        path: proxyRevokePath(user_id, connected_app_id),
        headers: { ...bearer(session_jwt), 'content-type': 'application/json' },
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
