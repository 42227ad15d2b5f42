import { fileURLToPath } from 'node:url';
import type { ProxyStartOptions, RunningProxyLike } from '@connected-apps/testkit';
import { unstable_startWorker } from 'wrangler';

/** The example's own wrangler.toml: the tests run the Worker exactly as it is configured to deploy. */
const WRANGLER_TOML = fileURLToPath(new URL('../wrangler.toml', import.meta.url));

/** The variables the Worker holds as secrets (`wrangler secret put`); every other one is a var. */
const SECRETS = new Set(['STYTCH_SECRET']);

/**
 * Starts the Worker as `wrangler dev` does — wrangler bundles `src/worker.ts` from wrangler.toml and
 * runs it in workerd, on 127.0.0.1 with a free port — with `env` as its vars and secrets (overriding
 * wrangler.toml's). The Worker's own fetches to Stytch (the emulator on 127.0.0.1) go out through
 * workerd's network stack, as deployed. Its `console` lines go to `logDestination`. A `StartProxy`
 * for testkit's `startStack`.
 *
 * @example
 * const stack = await startStack({ startProxy: startWorker });
 */
export async function startWorker(
  env: Record<string, string>,
  options: ProxyStartOptions,
): Promise<RunningProxyLike> {
  const bindings = Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      { type: SECRETS.has(name) ? ('secret_text' as const) : ('plain_text' as const), value },
    ]),
  );
  const worker = await unstable_startWorker({
    config: WRANGLER_TOML,
    bindings,
    dev: {
      server: { hostname: options.host ?? '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: 'none',
      // One record per console call; the edge logger writes one JSON line per call.
      structuredLogsHandler: (log: { message: string }) => options.logDestination?.write(`${log.message}\n`),
    },
  });
  try {
    await worker.ready;
    const url = await worker.url;
    return { url: url.origin, stop: () => worker.dispose() };
  } catch (error) {
    await worker.dispose();
    throw error;
  }
}
