import {
  ALLOWED_ORIGIN,
  bearer,
  postRevoke,
  proxyListPath,
  proxyRevokePath,
  type RunningProxyLike,
  rawRequest,
  type Stack,
  seedWorld,
  sessionTokenCookie,
  startStack,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorker } from './start-worker.ts';

let stack: Stack<RunningProxyLike>;
let world: World;

beforeAll(async () => {
  stack = await startStack({ startProxy: startWorker });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
  stack.logs.clear();
});
afterAll(() => stack?.stop());

const json = { 'content-type': 'application/json' };

describe('the proxy as a Worker in workerd, in front of the emulator on 127.0.0.1', () => {
  it('is up, and ready once it fetched the signing keys from Stytch', async () => {
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', jwks: expect.stringMatching(/^(fetched|cached)$/) });
  });

  it('lists, then revokes: the grant is gone at Stytch and the app from the list', async () => {
    const { alice, calendar, notes } = world;
    const before = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    expect(before.status).toBe(200);
    const listed = (await before.json()) as { connected_apps: { connected_app_id: string }[] };
    expect(listed.connected_apps.map((app) => app.connected_app_id).sort()).toEqual([calendar, notes].sort());

    const revoke = await postRevoke(stack.url, alice.user_id, calendar, alice.jwt);
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toEqual({
      status_code: 200,
      request_id: expect.stringMatching(/^request-id-test-/),
    });
    expect(revoke.headers.get('x-content-type-options')).toBe('nosniff');
    expect(revoke.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await stack.emulator.control.getTokens(alice.user_id, calendar)).grant_active).toBe(false);
    expect(await stack.stytchRequests()).toContain(`POST ${stytchRevokePath(alice.user_id, calendar)}`);

    const after = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    const left = (await after.json()) as { connected_apps: { connected_app_id: string }[] };
    expect(left.connected_apps.map((app) => app.connected_app_id)).toEqual([notes]);
  });

  it('revokes with the opaque session cookie from the allowed origin (sessions/authenticate over fetch)', async () => {
    const { alice, notes } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, notes)}`, {
      method: 'POST',
      headers: { ...sessionTokenCookie(alice.token), origin: ALLOWED_ORIGIN, ...json },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await stack.emulator.control.getTokens(alice.user_id, notes)).grant_active).toBe(false);
  });

  it('revokes with no body at all (Content-Length: 0), as with {}', async () => {
    const { alice, notes } = world;
    const response = await rawRequest(stack.url, 'POST', proxyRevokePath(alice.user_id, notes), {
      ...bearer(alice.jwt),
      'content-length': '0',
    });
    expect(response.status).toBe(200);
    expect((await stack.emulator.control.getTokens(alice.user_id, notes)).grant_active).toBe(false);
  });

  it("passes Stytch's own error through: an unknown app is 404 at Stytch", async () => {
    const { alice } = world;
    const unknown = 'connected-app-test-made-up-for-this-test';
    const response = await postRevoke(stack.url, alice.user_id, unknown, alice.jwt);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      status_code: 404,
      error_type: 'connected_app_not_found',
      request_id: expect.stringMatching(/^request-id-test-/),
      error_url: expect.stringContaining('stytch.com'),
    });
  });

  it('answers 504 upstream_timeout when Stytch is slower than UPSTREAM_TIMEOUT_MS (timers in workerd)', async () => {
    const { alice, calendar } = world;
    await stack.emulator.control.injectFault({ path: '/v1/users/*', latency_ms: 4000 });
    const response = await postRevoke(stack.url, alice.user_id, calendar, alice.jwt);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ status_code: 504, error_type: 'upstream_timeout' });
  });

  it('logs one JSON line per request to the console, with no secret, session or token in it', async () => {
    const { alice } = world;
    await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: sessionTokenCookie(alice.token) });
    const lines = stack.logs.lines();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'connected-apps-proxy',
        status: 200,
        user_id: alice.user_id,
      }),
      expect.objectContaining({
        level: 'info',
        service: 'connected-apps-proxy',
        status: 200,
        user_id: alice.user_id,
      }),
    ]);
    const text = stack.logs.text();
    for (const secret of [stack.emulator.secret, alice.jwt, alice.token]) expect(text).not.toContain(secret);
  });
});

describe("a fresh isolate's first requests, all at once", () => {
  it('are each answered, from one build of the proxy', async () => {
    // A Worker of its own, so these really are its isolate's first requests.
    const cold = await startStack({ startProxy: startWorker, emulator: stack.emulator });
    try {
      const { alice, bob } = world;
      const callers = [alice, bob, alice, bob, alice, bob];
      const responses = await Promise.all(
        callers.map((user) =>
          fetch(`${cold.url}${proxyListPath(user.user_id)}`, { headers: bearer(user.jwt) }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(callers.map(() => 200));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as { connected_apps: unknown[] }[];
      expect(bodies.map((body) => body.connected_apps.length)).toEqual([2, 1, 2, 1, 2, 1]);
      const { requests } = await stack.emulator.control.getRequests();
      // jose never awaits another request's key fetch on Workers (an isolate may not share I/O across
      // requests), so each distinct session fetched the keys at most once: two callers, two fetches
      // (a proxy built per request would have fetched them six times).
      const keyFetches = requests.filter((request) => request.path.startsWith('/v1/sessions/jwks/'));
      expect(keyFetches.length).toBeGreaterThanOrEqual(1);
      expect(keyFetches.length).toBeLessThanOrEqual(2);
    } finally {
      await cold.stop();
    }
  });
});
