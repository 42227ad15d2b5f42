import type { Server } from 'node:http';
import { createLogger, createProxyApp, loadConfig, type NodeProxyApp } from '@connected-apps/proxy';
import { listeningServer, type ProxyStartOptions } from '@connected-apps/testkit';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';

/** The example's Hono app on `@hono/node-server`, 127.0.0.1, shaped as testkit's `startStack` starts a proxy. */
export async function startHonoApp(
  env: Record<string, string>,
  options: ProxyStartOptions,
): Promise<{ url: string; proxy: NodeProxyApp; stop(): Promise<void> }> {
  const proxy = createProxyApp(loadConfig(env), { logger: createLogger('info', options.logDestination) });
  // serve() answers with node:http's server unless told to create an HTTP/2 one.
  const server = await listeningServer(
    serve({ fetch: createApp(proxy).fetch, port: options.port, hostname: '127.0.0.1' }) as Server,
  );
  return {
    url: server.url,
    proxy,
    stop: async () => {
      await server.close();
      await proxy.close();
    },
  };
}
