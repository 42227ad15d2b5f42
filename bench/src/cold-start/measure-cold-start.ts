import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { freePort } from '../process/free-port.ts';
import { waitForHealthz } from '../process/wait-for-healthz.ts';
import { median, round } from '../stats.ts';

/** The single-file bundle `pnpm --filter @connected-apps/proxy build` writes (turbo builds it before `bench`). */
export const BUNDLE_PATH = fileURLToPath(
  new URL('dist/connected-apps-proxy.mjs', import.meta.resolve('@connected-apps/proxy/package.json')),
);

/** A series of timed starts. */
export interface StartSeries {
  /** What was started. */
  command: string;
  samplesMs: number[];
  medianMs: number;
}

/** Cold start figures: each sample is a fresh process, spawn to the first 200 on `/healthz`. */
export interface ColdStartResult extends StartSeries {
  /** `node -e ''` on the same machine, interleaved with the samples: spawn to exit. */
  baseline?: StartSeries;
  /** `medianMs` over the baseline's median. */
  ratioToBaseline?: number;
  /** The same starts with `NODE_COMPILE_CACHE` warm (as a restarted container with a cache directory). */
  compileCache?: StartSeries;
  /**
   * The one start with `NODE_COMPILE_CACHE` pointing at an empty directory, which fills it: what the
   * first start after an install (or with a fresh cache directory) costs. Not in `compileCache`.
   */
  compileCacheFirstStartMs?: number;
  /** The bundle's size, raw and gzipped (level 9). */
  bundle?: { bytes: number; gzipBytes: number };
}

/** Kills a process (SIGKILL: its graceful stop is not what is being measured) and waits for it. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** One start of the bundle from `dir`: spawn to the first 200 on `/healthz`. */
async function startBundle(dir: string, env: Record<string, string>, stop: 'kill' | 'term'): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const child = spawn(process.execPath, ['connected-apps-proxy.mjs'], {
    cwd: dir,
    // The environment an operator gives it, and PATH: nothing else from this process.
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    return await waitForHealthz(port, { since, deadlineMs: 15_000, exited: () => child.exitCode !== null });
  } finally {
    if (stop === 'kill') await kill(child);
    else {
      // A graceful exit writes the compile cache for the next start.
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** `node -e ''`: spawn to exit, the least any Node process costs on this machine. */
async function startNode(): Promise<number> {
  const since = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return performance.now() - since;
}

const series = (command: string, samples: number[]): StartSeries => {
  const samplesMs = samples.map((ms) => Math.round(ms));
  return { command, samplesMs, medianMs: median(samplesMs) };
};

/**
 * Starts the single-file bundle `samples` times, each a fresh Node process in a directory holding
 * nothing but the file (no `node_modules`), configured by `env`, and times spawn to the first 200 on
 * `/healthz` (polled every 5 ms); `node -e ''` is timed between starts, so both share the machine's
 * state; none of these starts has a compile cache. Then the same with `NODE_COMPILE_CACHE` in a
 * fresh directory: one start to fill it (reported on its own, `compileCacheFirstStartMs`), and
 * `samples` more from the warm cache.
 *
 * @example
 * const { medianMs, ratioToBaseline } = await measureColdStart({ STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL }, 7);
 */
export async function measureColdStart(
  env: Record<string, string>,
  samples: number,
): Promise<ColdStartResult> {
  if (!(await stat(BUNDLE_PATH).catch(() => undefined))) {
    throw new Error(`${BUNDLE_PATH} is missing: run \`pnpm --filter @connected-apps/proxy build\` first`);
  }
  const code = await readFile(BUNDLE_PATH);
  const dir = await mkdtemp(join(tmpdir(), 'connected-apps-cold-start-'));
  try {
    await copyFile(BUNDLE_PATH, join(dir, 'connected-apps-proxy.mjs'));
    const bundleMs: number[] = [];
    const nodeMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      bundleMs.push(await startBundle(dir, env, 'kill'));
      nodeMs.push(await startNode());
    }
    const cacheEnv = { ...env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') };
    const firstStartMs = await startBundle(dir, cacheEnv, 'term');
    const cachedMs: number[] = [];
    for (let i = 0; i < samples; i++) cachedMs.push(await startBundle(dir, cacheEnv, 'kill'));

    const result = series('node connected-apps-proxy.mjs', bundleMs);
    const baseline = series("node -e ''", nodeMs);
    return {
      ...result,
      baseline,
      ratioToBaseline: round(result.medianMs / baseline.medianMs, 1),
      compileCache: series('NODE_COMPILE_CACHE=… node connected-apps-proxy.mjs', cachedMs),
      compileCacheFirstStartMs: Math.round(firstStartMs),
      bundle: { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
