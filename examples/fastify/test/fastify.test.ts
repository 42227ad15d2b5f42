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
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFastifyApp } from './start-fastify.ts';

let stack: Stack<Awaited<ReturnType<typeof startFastifyApp>>>;
let world: World;

beforeAll(async () => {
  stack = await startStack({ startProxy: startFastifyApp });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
});
afterAll(() => stack?.stop());

const json = { 'content-type': 'application/json' };
const grantActive = async (user_id: string, app_id: string) =>
  (await stack.emulator.control.getTokens(user_id, app_id)).grant_active;

describe('the proxy mounted under /api in Fastify', () => {
  it("leaves the app's own routes and its JSON parser to the app", async () => {
    const home = await fetch(stack.url);
    expect(await home.json()).toEqual({ page: 'home' });
    const note = await fetch(`${stack.url}/notes`, { method: 'POST', headers: json, body: '{"text":"hi"}' });
    expect(note.status).toBe(201);
    expect(await note.json()).toEqual({ saved: { text: 'hi' } });
  });

  it('lists and revokes through Fastify: the grant is gone at Stytch', async () => {
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

  it('answers HEAD and a method the route does not take as the proxy does', async () => {
    const { alice } = world;
    const head = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, {
      method: 'HEAD',
      headers: bearer(alice.jwt),
    });
    expect(head.status).toBe(200);
    const put = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, {
      method: 'PUT',
      headers: bearer(alice.jwt),
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the revoke body checks, on the body Fastify left unread', () => {
  const big = JSON.stringify({ padding: 'x'.repeat(2048) });
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
    ['a non-empty object', json, { body: '{"connected_app_id":"another"}' }, 400, 'bad_request'],
    ['a body that is not JSON', json, { body: 'not json' }, 400, 'bad_request'],
    ['a body over 1 KiB, by Content-Length', json, { body: big }, 413, 'payload_too_large'],
    ['a body over 1 KiB, sent chunked', json, chunked(big), 413, 'payload_too_large'],
    ['a text/plain body', { 'content-type': 'text/plain' }, { body: '{}' }, 415, 'unsupported_media_type'],
    ['a body with no Content-Type', {}, chunked('{}'), 415, 'unsupported_media_type'],
  ])('refuses %s and sends nothing to Stytch', async (_case, headers, init, status, error_type) => {
    const { alice, calendar } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...headers },
      ...init,
    } as RequestInit);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status_code: status, error_type });
    await quietPeriod();
    expect(await stack.stytchRequests()).toEqual([]);
    expect(await grantActive(alice.user_id, calendar)).toBe(true);
  });
});
