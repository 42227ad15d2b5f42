import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The proxy's own entry point, exactly as `pnpm --filter @connected-apps/proxy start` runs it. */
export const proxyMainPath = fileURLToPath(
  new URL('src/main.ts', import.meta.resolve('@connected-apps/proxy/package.json')),
);

/** How the proxy is started, for reports. */
export const proxyMainCommand = 'node --conditions=@connected-apps/source apps/proxy/src/main.ts';

/**
 * Spawns the proxy's real entry point with `env` (its stdout, the request log, is discarded; its
 * stderr, where start-up failures go, is kept).
 */
export function spawnProxyMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=@connected-apps/source', proxyMainPath], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Kills a spawned proxy (SIGKILL: its graceful stop is not what is being measured) and waits for it. */
export async function killProxy(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
