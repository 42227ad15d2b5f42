import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  bearer,
  proxyListPath,
  proxyRevokePath,
  quietPeriod,
  rawRequest,
  type Stack,
  seedWorld,
  startStack,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHonoApp } from './start-hono.ts';

let stack: Stack<Awaited<ReturnType<typeof startHonoApp>>>;
let world: World;

beforeAll(async () => {
  stack = await startStack({ startProxy: startHonoApp });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
});
afterAll(() => stack?.stop());

const json = { 'content-type': 'application/json' };
const grantActive = async (user_id: string, app_id: string) =>
  (await stack.emulator.control.getTokens(user_id, app_id)).grant_active;

describe("the proxy mounted with app.route('/api', proxy.app) in Hono", () => {
  it("leaves the app's own routes to the app", async () => {
    const home = await fetch(stack.url);
    expect(await home.json()).toEqual({ page: 'home' });
    const note = await fetch(`${stack.url}/notes`, { method: 'POST', headers: json, body: '{"text":"hi"}' });
    expect(note.status).toBe(201);
    expect(await note.json()).toEqual({ saved: { text: 'hi' } });
  });

  it('lists and revokes through Hono: the grant is gone at Stytch', async () => {
    const { alice, calendar } = world;
    const list = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    expect(list.status).toBe(200);
    const { connected_apps } = (await list.json()) as { connected_apps: { connected_app_id: string }[] };
    expect(connected_apps.map((app) => app.connected_app_id)).toContain(calendar);

    const revoke = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...json },
      body: '{}',
    });
    expect(revoke.status).toBe(200);
    expect(await grantActive(alice.user_id, calendar)).toBe(false);
    expect(await stack.stytchRequests()).toContain(`POST ${stytchRevokePath(alice.user_id, calendar)}`);
  });

  it("refuses another user's id with 403 and sends nothing to Stytch", async () => {
    const { alice, bob, calendar } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(bob.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...json },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
    await quietPeriod();
    expect(await stack.stytchRequests()).toEqual([]);
    expect(await grantActive(bob.user_id, calendar)).toBe(true);
  });

  it.each([
    ['a non-empty body', '{"a":1}', 400, 'bad_request'],
    ['a body over 1 KiB', JSON.stringify({ padding: 'x'.repeat(2048) }), 413, 'payload_too_large'],
  ])('refuses %s and sends nothing to Stytch', async (_case, body, status, error_type) => {
    const { alice, calendar } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...json },
      body,
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error_type });
    await quietPeriod();
    expect(await stack.stytchRequests()).toEqual([]);
  });

  it('routes the path exactly as sent, dot segments and encoded slashes included', async () => {
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

  it('answers a path under /api that is not a route with its own 404', async () => {
    const response = await fetch(`${stack.url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'route_not_found' });
  });
});

describe('the proxy behind a Hono middleware that reads the body first', () => {
  it('checks the body the middleware read, and revokes with {}', async () => {
    const app = new Hono();
    const seen: unknown[] = [];
    app.use('/api/*', async (c, next) => {
      if (c.req.header('content-type') === 'application/json') seen.push(await c.req.json());
      await next();
    });
    app.route('/api', stack.proxy.proxy.app);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { alice, calendar, notes } = world;
      const send = (app_id: string, body: string) =>
        fetch(`${url}${proxyRevokePath(alice.user_id, app_id)}`, {
          method: 'POST',
          headers: { ...bearer(alice.jwt), ...json },
          body,
        });
      const refused = await send(calendar, '{"a":1}');
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error_type: 'bad_request' });
      expect(await grantActive(alice.user_id, calendar)).toBe(true);

      const revoked = await send(notes, '{}');
      expect(revoked.status).toBe(200);
      expect(await grantActive(alice.user_id, notes)).toBe(false);
      expect(seen).toEqual([{ a: 1 }, {}]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
