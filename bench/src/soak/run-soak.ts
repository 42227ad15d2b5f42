import { start } from '@connected-apps/stytch-emulator';
import { type LoadRequest, type LoadResult, measureLoad } from '../load/measure-load.ts';
import { freePort } from '../process/free-port.ts';
import { killProxy, spawnProxyMain } from '../process/proxy-main.ts';
import { waitForHealthz } from '../process/wait-for-healthz.ts';
import { proxyBenchEnv } from '../targets/proxy-env.ts';
import type { RssSample } from './rss-sampler.ts';
import { sampleRss } from './rss-sampler.ts';
import { analyzeRss, type RssTrend } from './rss-trend.ts';

/** What a soak did and saw. */
export interface SoakResult {
  durationS: number;
  connections: number;
  load: LoadResult;
  rss: RssTrend;
  samples: RssSample[];
}

/**
 * Runs the proxy's real entry point (its own process, logging at `info` to a discarded stdout) in
 * front of the emulator, drives a steady mix of revoke and list calls from signed-in users through
 * it for `durationS`, and samples the proxy's RSS every 250 ms.
 *
 * @example
 * const { load, rss } = await runSoak({ durationS: 25, connections: 16 });
 */
export async function runSoak(options: { durationS: number; connections: number; users?: number }): Promise<SoakResult> {
  const emulator = await start({ port: 0 });
  const app = await emulator.control.createConnectedApp({ name: 'Soak App', client_type: 'third_party' });
  const requests: LoadRequest[] = [];
  for (let i = 0; i < (options.users ?? 8); i++) {
    const user = await emulator.control.createUser({ name: `Soak User ${i}` });
    await emulator.control.createGrant({ user_id: user.user_id, connected_app_id: app.connected_app_id, scopes: ['openid'] });
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
  const port = await freePort();
  const proxy = spawnProxyMain({ ...proxyBenchEnv(emulator), PORT: String(port) });
  try {
    await waitForHealthz(port, { since: performance.now(), deadlineMs: 15_000, exited: () => proxy.exitCode !== null });
    const sampler = sampleRss(proxy.pid!, 250);
    const load = await measureLoad({
      url: `http://127.0.0.1:${port}`,
      requests,
      connections: options.connections,
      durationS: options.durationS,
    });
    const samples = await sampler.stop();
    return { durationS: options.durationS, connections: options.connections, load, rss: analyzeRss(samples), samples };
  } finally {
    await killProxy(proxy);
    await emulator.stop();
  }
}
