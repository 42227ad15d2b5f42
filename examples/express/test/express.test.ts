import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  bearer,
  proxyListPath,
  proxyRevokePath,
  quietPeriod,
  type Stack,
  seedWorld,
  startStack,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startExpressApp } from './start-express.ts';

let stack: Stack<Awaited<ReturnType<typeof startExpressApp>>>;
let world: World;

beforeAll(async () => {
  stack = await startStack({ startProxy: startExpressApp });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
});
afterAll(() => stack?.stop());

const json = { 'content-type': 'application/json' };
const grantActive = async (user_id: string, app_id: string) =>
  (await stack.emulator.control.getTokens(user_id, app_id)).grant_active;

describe('the proxy mounted under /api in Express', () => {
  it("leaves the app's own routes and its JSON parser to the app", async () => {
    const home = await fetch(stack.url);
    expect(home.status).toBe(200);
    expect(await home.json()).toEqual({ page: 'home' });
    const note = await fetch(`${stack.url}/notes`, { method: 'POST', headers: json, body: '{"text":"hi"}' });
    expect(note.status).toBe(201);
    expect(await note.json()).toEqual({ saved: { text: 'hi' } });
  });

  it('lists and revokes through Express: the grant is gone at Stytch', async () => {
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
    expect(revoke.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
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

  it('answers a path under /api that is not a route with its own 404', async () => {
    const response = await fetch(`${stack.url}/api/v1/nothing-here`, { headers: bearer(world.alice.jwt) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'route_not_found' });
  });
});

describe('the revoke body checks, with express.json() reading the body before the proxy', () => {
  const big = JSON.stringify({ padding: 'x'.repeat(2048) });
  /** A body sent chunked: no Content-Length for the proxy to refuse it by. */
  const chunked = (text: string) => ({
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    duplex: 'half' as const,
  });

  it.each([
    ['a non-empty object', { body: '{"connected_app_id":"another"}' }, 400, 'bad_request'],
    ['a JSON array', { body: '[]' }, 400, 'bad_request'],
    ['a body over 1 KiB, by Content-Length', { body: big }, 413, 'payload_too_large'],
    ['a body over 1 KiB, sent chunked', chunked(big), 413, 'payload_too_large'],
    ['a non-empty object, sent chunked', chunked('{"a":1}'), 400, 'bad_request'],
  ])('refuses %s and sends nothing to Stytch', async (_case, init, status, error_type) => {
    const { alice, calendar } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...json },
      ...init,
    } as RequestInit);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status_code: status, error_type });
    await quietPeriod();
    expect(await stack.stytchRequests()).toEqual([]);
    expect(await grantActive(alice.user_id, calendar)).toBe(true);
  });

  it('refuses a body that is not JSON, which the parser left alone (415)', async () => {
    const { alice, calendar } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error_type: 'unsupported_media_type' });
    expect(await grantActive(alice.user_id, calendar)).toBe(true);
  });

  it('revokes with {} sent chunked, read from what the parser left', async () => {
    const { alice, notes } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, notes)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...json },
      ...chunked('{}'),
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await grantActive(alice.user_id, notes)).toBe(false);
  });
});

describe('the proxy mounted at the root of an Express app', () => {
  it("answers its own paths and hands every other one to the app's next routes", async () => {
    const app = express();
    app.use(stack.proxy.proxy.node);
    app.get('/about', (_req, res) => {
      res.send('about us');
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const about = await fetch(`${url}/about`);
      expect(await about.text()).toBe('about us');
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const list = await fetch(`${url}${proxyListPath(world.alice.user_id)}`, {
        headers: bearer(world.alice.jwt),
      });
      expect(list.status).toBe(200);
      // Express's own 404 (not the proxy's JSON) for a path neither serves.
      const missing = await fetch(`${url}/nowhere`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
