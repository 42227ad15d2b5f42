import { createUndiciTransport } from '@connected-apps/core/node';
import { createNodeListener, type NodeHandler } from './adapters/node-listener.ts';
import { assembleProxy, type ProxyApp, type ProxyDeps } from './app/assemble-proxy.ts';
import { auditTrailFromConfig } from './audit/create-audit-trail-from-config.ts';
import { type ProxyOptions, resolveConfig } from './config/resolve-config.ts';
import { createRedisRateLimits } from './rate-limit/redis-rate-limits.ts';

/** The proxy built for Node: {@link ProxyApp}, plus a handler to mount in a Node framework. */
export interface NodeProxyApp extends ProxyApp {
  /**
   * The Node adapter as middleware, for Express (`app.use('/api', proxy.node)`), Fastify (with the
   * raw request and response) or `node:http`. It routes on the target as sent (`req.originalUrl`
   * inside Express), so mount it at `PROXY_BASE_PATH` or at the root; with a `next`, paths that are
   * not the proxy's go on to the host's routes. A body the host's parser already read is checked
   * from `req.body`.
   */
  node: NodeHandler;
}

/**
 * Builds the proxy for Node: Stytch is called over undici's keep-alive pool (`createUndiciTransport`)
 * unless `deps` supplies a client or transport. {@link startProxy} also listens on a port (with the Node adapter, which reads
 * the request target exactly as sent); `fetch` and `app` serve it through web `Request`s. With
 * `REDIS_URL` (and no `deps.rateLimitStores`) both rate limits are shared through Redis; with
 * `AUDIT_DATABASE_URL` (and no `deps.auditTrail`) every revoke attempt is recorded there. `options` is
 * `loadConfig(process.env)` or an object of its fields (see `resolveConfig`), validated either way: a
 * bad one throws `ConfigError`.
 *
 * @example
 * const proxy = createProxyApp(loadConfig(process.env));
 * const proxy = createProxyApp({ projectId: 'project-test-…', secret: await secrets.get('stytch') });
 * const response = await proxy.app.request('/healthz');
 * expressApp.use('/api', proxy.node);
 * await proxy.close();
 */
export function createProxyApp(options: ProxyOptions, deps: ProxyDeps = {}): NodeProxyApp {
  const { proxy, pipeline, log, outside } = assembleProxy(
    resolveConfig(options),
    deps,
    () => createUndiciTransport(),
    createRedisRateLimits,
    auditTrailFromConfig,
  );
  return { ...proxy, node: createNodeListener(pipeline, log, outside) };
}
