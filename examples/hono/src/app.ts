import type { ProxyApp } from '@connected-apps/proxy';
import { Hono } from 'hono';

/**
 * A Hono app with routes of its own, and the proxy's Hono app mounted under `/api` (the proxy's
 * `PROXY_BASE_PATH`: the proxy routes on the whole path).
 *
 * @example
 * serve({ fetch: createApp(createProxyApp(loadConfig(process.env))).fetch, port: 3000 });
 */
export function createApp(proxy: ProxyApp): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ page: 'home' }));
  app.post('/notes', async (c) => c.json({ saved: await c.req.json() }, 201));
  app.route('/api', proxy.app);
  return app;
}
