import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createLogger, createProxyApp, loadConfig, type NodeProxyApp } from '@connected-apps/proxy';
import type { ProxyStartOptions } from '@connected-apps/testkit';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';

/** The example's Hono app on `@hono/node-server`, 127.0.0.1, shaped as testkit's `startStack` starts a proxy. */
export async function startHonoApp(
  env: Record<string, string>,
  options: ProxyStartOptions,
): Promise<{ url: string; proxy: NodeProxyApp; stop(): Promise<void> }> {
  const proxy = createProxyApp(loadConfig(env), { logger: createLogger('info', options.logDestination) });
  const server = serve({ fetch: createApp(proxy).fetch, port: options.port, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    proxy,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await proxy.close();
    },
  };
}
