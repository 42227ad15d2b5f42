import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { median } from '../stats.ts';

/** Cold start figures: each sample is a fresh process, spawn to first 200 on `/healthz`. */
export interface ColdStartResult {
  /** What was started, e.g. `node --conditions=source apps/proxy/src/main.ts`. */
  command: string;
  samplesMs: number[];
  medianMs: number;
}

// The proxy's own entry point, exactly as `pnpm --filter @connected-apps/proxy start` runs it.
const proxyMain = fileURLToPath(
  new URL('src/main.ts', import.meta.resolve('@connected-apps/proxy/package.json')),
);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function healthzStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function oneColdStart(env: Record<string, string>, deadlineMs: number): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=source', proxyMain], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  try {
    while (performance.now() - started < deadlineMs) {
      if (child.exitCode !== null)
        throw new Error(`the proxy exited with code ${child.exitCode} before serving`);
      if ((await healthzStatus(port)) === 200) return performance.now() - started;
      // Polling every 5 ms bounds the measurement error without busy-waiting.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no 200 on /healthz within ${deadlineMs} ms`);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
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
  for (let i = 0; i < samples; i++) samplesMs.push(Math.round(await oneColdStart(env, 15_000)));
  return {
    command: 'node --conditions=source apps/proxy/src/main.ts',
    samplesMs,
    medianMs: median(samplesMs),
  };
}
