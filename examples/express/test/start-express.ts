import { createLogger, createProxyApp, loadConfig, type NodeProxyApp } from '@connected-apps/proxy';
import { listeningServer, type ProxyStartOptions } from '@connected-apps/testkit';
import { createApp } from '../src/app.ts';

/** The example's Express app on 127.0.0.1, shaped as testkit's `startStack` starts a proxy. */
export async function startExpressApp(
  env: Record<string, string>,
  options: ProxyStartOptions,
): Promise<{ url: string; proxy: NodeProxyApp; stop(): Promise<void> }> {
  const proxy = createProxyApp(loadConfig(env), { logger: createLogger('info', options.logDestination) });
  const server = await listeningServer(createApp(proxy).listen(options.port, '127.0.0.1'));
  return {
    url: server.url,
    proxy,
    stop: async () => {
      await server.close();
      await proxy.close();
    },
  };
}
