import { Hono } from 'hono';
import type { FetchHandler } from './fetch-handler.ts';

/**
 * The proxy as a Hono app, for `app.request()` in tests and for mounting into another Hono app
 * (`parent.route('/', proxy.app)`): one catch-all route handing every request to the fetch adapter.
 * The proxy routes on the full path (its `PROXY_BASE_PATH` included), so mount it at the root.
 *
 * @example
 * const app = createHonoApp(fetchHandler);
 * await app.request('/healthz');
 */
export function createHonoApp(fetch: FetchHandler): Hono {
  const app = new Hono();
  app.all('*', (c) => fetch(c.req.raw, c.env));
  return app;
}
