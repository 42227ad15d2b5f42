import { createUndiciTransport } from '@connected-apps/core/node';
import { buildProxyApp, type ProxyApp, type ProxyDeps } from './app/create-proxy-app.ts';
import type { ProxyConfig } from './config/proxy-config.ts';

/**
 * Builds the proxy (a Hono app) for Node: Stytch is called over undici's keep-alive pool unless
 * `deps` supplies a client or transport. Use {@link startProxy} to also listen on a port.
 *
 * @example
 * import { serve } from '@hono/node-server';
 * const proxy = createProxyApp(loadConfig(process.env));
 * serve({ fetch: proxy.fetch, port: 8787 });
 */
export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}): ProxyApp {
  return buildProxyApp(config, deps, () => createUndiciTransport());
}
