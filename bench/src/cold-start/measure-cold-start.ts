import { freePort } from '../process/free-port.ts';
import { killProxy, proxyMainCommand, spawnProxyMain } from '../process/proxy-main.ts';
import { waitForHealthz } from '../process/wait-for-healthz.ts';
import { median } from '../stats.ts';

/** Cold start figures: each sample is a fresh process, spawn to first 200 on `/healthz`. */
export interface ColdStartResult {
  /** What was started. */
  command: string;
  samplesMs: number[];
  medianMs: number;
}

async function oneColdStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const child = spawnProxyMain({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  try {
    return await waitForHealthz(port, { since, deadlineMs: 15_000, exited: () => child.exitCode !== null });
  } finally {
    await killProxy(child);
  }
}

/**
 * Starts the proxy's real entry point `samples` times, each a fresh Node process, and times spawn
 * to the first 200 on `/healthz` (polling every 5 ms).
 *
 * @example
 * const { medianMs } = await measureColdStart({ STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL }, 7);
 */
export async function measureColdStart(
  env: Record<string, string>,
  samples: number,
): Promise<ColdStartResult> {
  const samplesMs: number[] = [];
  for (let i = 0; i < samples; i++) samplesMs.push(Math.round(await oneColdStart(env)));
  return { command: proxyMainCommand, samplesMs, medianMs: median(samplesMs) };
}
