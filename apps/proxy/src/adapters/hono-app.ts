import { Hono } from 'hono';
import type { FetchHandler } from './fetch-handler.ts';

/**
 * The proxy as a Hono app, for `app.request()` in tests and for mounting into another Hono app
 * (`parent.route('/api', proxy.app)`): one catch-all route handing every request to the fetch
 * adapter. The proxy routes on the full path (its `PROXY_BASE_PATH` included), so mount it at its
 * base path.
 *
 * @example
 * const app = createHonoApp(fetchHandler);
 * await app.request('/healthz');
 */
export function createHonoApp(fetch: FetchHandler): Hono {
  const app = new Hono();
  app.all('*', (c) => {
    if (!c.req.raw.bodyUsed) return fetch(c.req.raw, c.env);
    // A middleware of the host app has read the body (`await c.req.json()`): Hono keeps what it
    // read, so the body checks get that (a parsed JSON body serialized again) instead of a used stream.
    return c.req.arrayBuffer().then((body) => fetch(new Request(c.req.raw, { body }), c.env));
  });
  return app;
}
