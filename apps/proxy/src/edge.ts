import { assembleProxy, type ProxyApp, type ProxyDeps } from './app/assemble-proxy.ts';
import type { ProxyConfig } from './config/proxy-config.ts';
import { fetchTransport } from './upstream/fetch-transport.ts';

export type { ProxyApp, ProxyDeps } from './app/assemble-proxy.ts';
export { ConfigError, type ConfigIssue } from './config/config-error.ts';
export { loadConfig } from './config/load-config.ts';
export type { ProxyConfig } from './config/proxy-config.ts';
export { DEFAULT_ERROR_DOCS_URL, PROXY_ERRORS, type ProxyErrorType } from './errors/error-catalog.ts';

/**
 * The proxy for edge runtimes (Cloudflare Workers, Deno, Bun, Vercel Edge): no Node built-ins, Stytch
 * called with the runtime's `fetch` (redirects never followed). Build it once per isolate and hand
 * requests to `fetch`.
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
export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}): ProxyApp {
  return assembleProxy(config, deps, () => fetchTransport).proxy;
}
