import { createWorkerHandler, type ProxyWorker, type WorkerEnv } from './adapters/worker-handler.ts';
import { assembleProxy, type ProxyApp, type ProxyDeps } from './app/assemble-proxy.ts';
import { loadConfig } from './config/load-config.ts';
import { type ProxyOptions, resolveConfig } from './config/resolve-config.ts';
import { createEdgeLogger } from './logging/edge-logger.ts';
import { fetchTransport } from './upstream/fetch-transport.ts';

export type { ProxyWorker, WorkerEnv } from './adapters/worker-handler.ts';
export type { ProxyApp, ProxyDeps } from './app/assemble-proxy.ts';
export { ConfigError, type ConfigIssue } from './config/config-error.ts';
export { loadConfig } from './config/load-config.ts';
export type { ProxyConfig } from './config/proxy-config.ts';
export { type ProxyOptions, resolveConfig } from './config/resolve-config.ts';
export { DEFAULT_ERROR_DOCS_URL, PROXY_ERRORS, type ProxyErrorType } from './errors/error-catalog.ts';

/**
 * The proxy for edge runtimes (Cloudflare Workers, Deno, Bun, Vercel Edge): no Node built-ins, Stytch
 * called with the runtime's `fetch` (redirects never followed). Build it once per isolate and hand
 * requests to `fetch`. `options` is `loadConfig(env)` or an object of its fields (see `resolveConfig`).
 *
 * @example
 * import { createProxyApp, loadConfig } from '@connected-apps/proxy/edge';
 * let proxy;
 * export default {
 *   fetch(request, env, ctx) {
 *     proxy ??= createProxyApp(loadConfig(env));
 *     return proxy.fetch(request, env, ctx);
 *   },
 * };
 */
export function createProxyApp(options: ProxyOptions, deps: ProxyDeps = {}): ProxyApp {
  const config = resolveConfig(options);
  // The Node logger writes to a file descriptor, which edge runtimes do not have.
  const logger = deps.logger ?? createEdgeLogger(config.logLevel);
  return assembleProxy(config, { ...deps, logger }, () => fetchTransport).proxy;
}

/** Options of {@link createProxyWorker}. */
export interface ProxyWorkerOptions {
  /** What the proxy is built with besides its configuration, from the Worker's `env` (e.g. a shared rate-limit store on a binding). @default none */
  deps?: (env: WorkerEnv) => ProxyDeps;
}

/**
 * The proxy as a Cloudflare Worker's default export: configured from the Worker's vars and secrets
 * (the variables `loadConfig` reads), built once per isolate on its first request. A configuration
 * that cannot be loaded answers the Stytch-shaped 500 `configuration_invalid`, its cause in the log.
 *
 * @example
 * // src/worker.ts, with `main = "src/worker.ts"` in wrangler.toml
 * import { createProxyWorker } from '@connected-apps/proxy/edge';
 * export default createProxyWorker();
 */
export function createProxyWorker(options: ProxyWorkerOptions = {}): ProxyWorker {
  return createWorkerHandler((vars, env) => createProxyApp(loadConfig(vars), options.deps?.(env)));
}
