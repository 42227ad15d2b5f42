import { createLogger, createProxyApp, loadConfig, type NodeProxyApp } from '@connected-apps/proxy';
import type { ProxyStartOptions } from '@connected-apps/testkit';
import { createApp } from '../src/app.ts';

/** The example's Fastify app on 127.0.0.1, shaped as testkit's `startStack` starts a proxy. */
export async function startFastifyApp(
  env: Record<string, string>,
  options: ProxyStartOptions,
): Promise<{ url: string; proxy: NodeProxyApp; stop(): Promise<void> }> {
  const proxy = createProxyApp(loadConfig(env), { logger: createLogger('info', options.logDestination) });
  const app = await createApp(proxy);
  const url = await app.listen({ port: options.port, host: '127.0.0.1' });
  return {
    url,
    proxy,
    stop: async () => {
      app.server.closeAllConnections();
      await app.close();
      await proxy.close();
    },
  };
}
