import { buildProxyApp, type ProxyApp, type ProxyDeps } from './app/create-proxy-app.ts';
import { fetchTransport } from './app/fetch-transport.ts';
import type { ProxyConfig } from './config/proxy-config.ts';

export type { ProxyApp, ProxyDeps } from './app/create-proxy-app.ts';
export { ConfigError, type ConfigIssue } from './config/config-error.ts';
export { loadConfig } from './config/load-config.ts';
export type { ProxyConfig } from './config/proxy-config.ts';

/**
 * The proxy for edge runtimes (Cloudflare Workers, Deno, Bun, Vercel Edge): no Node built-ins, Stytch
 * called with the runtime's `fetch`. Build it once per isolate and hand requests to `fetch`.
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
  return buildProxyApp(config, deps, () => fetchTransport);
}
