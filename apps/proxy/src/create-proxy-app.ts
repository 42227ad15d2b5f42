import { createUndiciTransport } from '@connected-apps/core/node';
import { assembleProxy, type ProxyApp, type ProxyDeps } from './app/assemble-proxy.ts';
import type { ProxyConfig } from './config/proxy-config.ts';

/**
 * Builds the proxy for Node: Stytch is called over undici's keep-alive pool (`createUndiciTransport`)
 * unless `deps` supplies a client or transport. {@link startProxy} also listens on a port (with the Node adapter, which reads
 * the request target exactly as sent); `fetch` and `app` serve it through web `Request`s.
 *
 * @example
 * const proxy = createProxyApp(loadConfig(process.env));
 * const response = await proxy.app.request('/healthz');
 * await proxy.close();
 */
export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}): ProxyApp {
  return assembleProxy(config, deps, () => createUndiciTransport()).proxy;
}
