import type { Server } from 'node:http';
import { bearer, listeningServer, proxyRevokePath, quietPeriod, rawRequest } from '@connected-apps/testkit';
import { describeMountedProxy, itRefusesEachBody, JSON_CONTENT } from '@connected-apps/testkit/mounted-proxy';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startHonoApp } from './start-hono.ts';

const mounted = describeMountedProxy("app.route('/api', proxy.app) of Hono", startHonoApp);

describe('the proxy as a Hono sub-app', () => {
  itRefusesEachBody(mounted, [
    ['a non-empty body', JSON_CONTENT, { body: '{"a":1}' }, 400, 'bad_request'],
    [
      'a body over 1 KiB',
      JSON_CONTENT,
      { body: JSON.stringify({ padding: 'x'.repeat(2048) }) },
      413,
      'payload_too_large',
    ],
  ]);

  it('routes the path exactly as sent, dot segments and encoded slashes included', async () => {
    const { stack, world } = mounted;
    // fetch would resolve `..`; the raw request sends the target as written.
    const dotted = await rawRequest(
      stack.url,
      'POST',
      `/api/v1/users/${world.alice.user_id}/connected_apps/..%2F..%2Fnotes/revoke`,
      bearer(world.alice.jwt),
    );
    expect(dotted.status).toBe(400);
    expect(dotted.body).toMatchObject({ error_type: 'invalid_connected_app_id' });
    await quietPeriod();
    expect(await stack.stytchRequests()).toEqual([]);
  });

  it('answers a path under /api that is not a route with its own 404 before asking for a session', async () => {
    const response = await fetch(`${mounted.stack.url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'route_not_found' });
  });
});

describe('the proxy behind a Hono middleware that reads the body first', () => {
  it('checks the body the middleware read, and revokes with {}', async () => {
    const { stack, world } = mounted;
    const app = new Hono();
    const seen: unknown[] = [];
    app.use('/api/*', async (c, next) => {
      if (c.req.header('content-type') === 'application/json') seen.push(await c.req.json());
      await next();
    });
    app.route('/api', stack.proxy.proxy.app);
    const server = await listeningServer(
      serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server,
    );
    try {
      const { alice, calendar, notes } = world;
      const send = (app_id: string, body: string) =>
        fetch(`${server.url}${proxyRevokePath(alice.user_id, app_id)}`, {
          method: 'POST',
          headers: { ...bearer(alice.jwt), ...JSON_CONTENT },
          body,
        });
      const refused = await send(calendar, '{"a":1}');
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error_type: 'bad_request' });
      expect(await mounted.grantActive(alice.user_id, calendar)).toBe(true);

      const revoked = await send(notes, '{}');
      expect(revoked.status).toBe(200);
      expect(await mounted.grantActive(alice.user_id, notes)).toBe(false);
      expect(seen).toEqual([{ a: 1 }, {}]);
    } finally {
      await server.close();
    }
  });
});
