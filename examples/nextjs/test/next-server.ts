import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort } from '@connected-apps/testkit';

const appDir = join(import.meta.dirname, '..');

/** `next start` of this example, running on 127.0.0.1, and what it printed. */
export interface NextServer {
  url: string;
  /** Everything the server wrote to stdout and stderr so far (the proxy's JSON log lines included). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `next start` on the last `next build` (`.next/`, built by turbo's `build` task) on a free
 * port of 127.0.0.1, with `env` on top of PATH and HOME, and waits until it answers (at most 30 s).
 *
 * @example
 * const next = await startNext(proxyEnv(emulator));
 * await fetch(next.url);
 * await next.stop();
 */
export async function startNext(env: Record<string, string>): Promise<NextServer> {
  if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      'No Next.js build: run `pnpm turbo run build --filter=@connected-apps/example-nextjs` first.',
    );
  }
  const port = await freePort();
  const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: appDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilAnswering(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`);
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
