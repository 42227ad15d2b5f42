import { type Emulator, type StartOptions, start } from '@connected-apps/stytch-emulator';
import { type CapturedLogs, captureLogs, type LogDestination } from '../logs/capture-logs.ts';
import { PROXY_BASE_PATH } from '../paths/paths.ts';
import { stytchRequests } from '../requests/count-requests.ts';
import { proxyEnv } from './proxy-env.ts';

/** What {@link startStack} passes the proxy starter besides the environment. */
export interface ProxyStartOptions {
  /** Always 0: the OS picks a free port. */
  port: number;
  /** The interface to bind, when the caller asked for one. */
  host?: string;
  /** Where the proxy writes its JSON log lines. */
  logDestination?: LogDestination;
}

/** The least a started proxy must offer: where it listens and how to stop it. */
export interface RunningProxyLike {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a proxy: `startProxy` of `@connected-apps/proxy` has this shape. Taken as an argument, not
 * imported, so the proxy's own tests can use the kit without a dependency cycle.
 */
export type StartProxy<Proxy extends RunningProxyLike> = (
  env: Record<string, string>,
  options: ProxyStartOptions,
) => Promise<Proxy>;

/** Options of {@link startStack}. */
export interface StackOptions<Proxy extends RunningProxyLike> {
  /** Starts the proxy, e.g. `startProxy` from `@connected-apps/proxy`. */
  startProxy: StartProxy<Proxy>;
  /** Proxy environment on top of {@link proxyEnv}'s. @default {} */
  env?: Record<string, string>;
  /** An emulator the caller started and stops; {@link Stack.stop} leaves it running. @default a new one */
  emulator?: Emulator;
  /** Options of the emulator the stack starts (ignored with `emulator`). @default { port: 0 } */
  emulatorOptions?: StartOptions;
  /** The interface the proxy binds. @default the proxy's own default (`127.0.0.1`) */
  host?: string;
  /** Keep only the last this many log lines. @default Infinity */
  logLimit?: number;
}

/** The emulator, and a proxy in front of it over real HTTP, logs captured. */
export interface Stack<Proxy extends RunningProxyLike> {
  emulator: Emulator;
  proxy: Proxy;
  /** The proxy's origin, e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** Where the proxy serves Stytch's routes: `url` + `PROXY_BASE_PATH` (default `/api`). */
  apiUrl: string;
  /** Every line the proxy logged. */
  logs: CapturedLogs;
  /** Stytch API requests the emulator received, JWKS fetches left out ("what reached Stytch"). */
  stytchRequests(): Promise<string[]>;
  /** Stops the proxy, then the emulator if the stack started it. */
  stop(): Promise<void>;
}

/**
 * Starts the emulator and a proxy in front of it, both on 127.0.0.1 with free ports, the proxy's
 * logs captured. If the proxy fails to start, the emulator the stack started is stopped again.
 *
 * @example
 * import { startProxy } from '@connected-apps/proxy';
 * const stack = await startStack({ startProxy, env: { UPSTREAM_RETRIES: '0' } });
 * const world = await seedWorld(stack.emulator);
 * await fetch(`${stack.url}${proxyListPath(world.alice.user_id)}`, { headers: bearer(world.alice.jwt) });
 * await stack.stop();
 */
export async function startStack<Proxy extends RunningProxyLike>(
  options: StackOptions<Proxy>,
): Promise<Stack<Proxy>> {
  const owned = options.emulator === undefined;
  const emulator = options.emulator ?? (await start({ port: 0, ...options.emulatorOptions }));
  const env = proxyEnv(emulator, options.env);
  const logs = captureLogs(options.logLimit === undefined ? {} : { limit: options.logLimit });
  let proxy: Proxy;
  try {
    proxy = await options.startProxy(env, {
      port: 0,
      logDestination: logs,
      ...(options.host === undefined ? {} : { host: options.host }),
    });
  } catch (error) {
    if (owned) await emulator.stop();
    throw error;
  }
  return {
    emulator,
    proxy,
    url: proxy.url,
    apiUrl: `${proxy.url}${env.PROXY_BASE_PATH ?? PROXY_BASE_PATH}`,
    logs,
    stytchRequests: () => stytchRequests(emulator.control),
    stop: async () => {
      try {
        await proxy.stop();
      } finally {
        if (owned) await emulator.stop();
      }
    },
  };
}
