import {
  bearer,
  countRequests,
  proxyListPath,
  proxyRevokePath,
  seedWorld,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

// Room for two retries with backoff even on a busy machine; the slow-upstream fault (3 s) still exceeds it.
const TIMEOUT_MS = 1200;
let stack: ProxyStack;
let world: World;

beforeAll(async () => {
  stack = await startProxyStack({ UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), UPSTREAM_RETRIES: '2' });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
});
afterAll(() => stack.stop());

const revokeCalendar = () =>
  fetch(`${stack.url}${proxyRevokePath(world.alice.user_id, world.calendar)}`, {
    method: 'POST',
    headers: bearer(world.alice.jwt),
  });
const revokePathOnWire = () => `/v1/users/${world.alice.user_id}/connected_apps/${world.calendar}/revoke`;

/** The proxy still answers normally after a fault. */
async function expectStillServing() {
  const response = await fetch(`${stack.url}${proxyListPath(world.alice.user_id)}`, {
    headers: bearer(world.alice.jwt),
  });
  expect(response.status).toBe(200);
}

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('upstream faults', () => {
  it('answers 504 upstream_timeout within the timeout plus a small margin when Stytch is too slow', async () => {
    await stack.emulator.control.injectFault({ path: revokePathOnWire(), latency_ms: 3000 });
    const started = performance.now();
    const response = await revokeCalendar();
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(await body(response)).toMatchObject({ status_code: 504, error_type: 'upstream_timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 400);
    await expectStillServing();
  });

  it('retries a 500 and passes it through unchanged when it persists', async () => {
    await stack.emulator.control.injectFault({ path: revokePathOnWire(), status: 500, times: 3 });
    const response = await revokeCalendar();
    expect(response.status).toBe(500);
    const error = await body(response);
    expect(error).toMatchObject({
      status_code: 500,
      error_type: 'internal_server_error',
      error_url: 'https://stytch.com/docs/api/errors/500',
    });
    expect(error.request_id).toMatch(/^request-id-test-/);
    const attempts = (await stack.stytchRequests()).filter((r) => r.endsWith('/revoke'));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    await expectStillServing();
  });

  it('retries a single 500 and succeeds', async () => {
    await stack.emulator.control.injectFault({ path: revokePathOnWire(), status: 500, times: 1 });
    const response = await revokeCalendar();
    expect(response.status).toBe(200);
    expect((await stack.emulator.control.getTokens(world.alice.user_id, world.calendar)).grant_active).toBe(
      false,
    );
  });

  it('honors a 429 Retry-After before retrying', async () => {
    // Retry-After is in whole seconds: give the call the time budget to wait one.
    const patient = await startProxyStack({ UPSTREAM_TIMEOUT_MS: '3000' }, stack.emulator);
    try {
      await stack.emulator.control.injectFault({
        path: revokePathOnWire(),
        status: 429,
        retry_after: 1,
        times: 1,
      });
      const started = performance.now();
      const response = await fetch(`${patient.url}${proxyRevokePath(world.alice.user_id, world.calendar)}`, {
        method: 'POST',
        headers: bearer(world.alice.jwt),
      });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await patient.stop();
    }
  });

  it('passes a 429 through with Retry-After when waiting does not fit the budget', async () => {
    await stack.emulator.control.injectFault({
      path: revokePathOnWire(),
      status: 429,
      retry_after: 30,
      times: 5,
    });
    const response = await revokeCalendar();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await body(response)).toMatchObject({
      error_type: 'too_many_requests',
      error_url: 'https://stytch.com/docs/api/errors/429',
    });
    await expectStillServing();
  });

  it('answers 502 upstream_unavailable when Stytch drops the connection', async () => {
    await stack.emulator.control.injectFault({ path: revokePathOnWire(), drop_connection: true, times: 5 });
    const response = await revokeCalendar();
    expect(response.status).toBe(502);
    expect(await body(response)).toMatchObject({ status_code: 502, error_type: 'upstream_unavailable' });
    await stack.emulator.control.clearFaults();
    await expectStillServing();
  });

  it('answers 502 upstream_invalid_response for malformed JSON', async () => {
    await stack.emulator.control.injectFault({ path: revokePathOnWire(), malformed_json: true, times: 5 });
    const response = await revokeCalendar();
    expect(response.status).toBe(502);
    expect(await body(response)).toMatchObject({ status_code: 502, error_type: 'upstream_invalid_response' });
    await stack.emulator.control.clearFaults();
    await expectStillServing();
  });

  it('retries sessions/authenticate like every Stytch call: one dropped connection still confirms the session', async () => {
    await stack.emulator.control.injectFault({
      path: '/v1/sessions/authenticate',
      drop_connection: true,
      times: 1,
    });
    const response = await fetch(`${stack.url}${proxyListPath(world.alice.user_id)}`, {
      headers: { cookie: `stytch_session=${world.alice.token}` },
    });
    expect(response.status).toBe(200);
    expect(await countRequests(stack.emulator.control, 'POST', '/v1/sessions/authenticate')).toBe(2);
  });

  it('answers 502 upstream_unavailable when sessions/authenticate is down', async () => {
    await stack.emulator.control.injectFault({
      path: '/v1/sessions/authenticate',
      drop_connection: true,
      times: 5,
    });
    const response = await fetch(`${stack.url}${proxyListPath(world.alice.user_id)}`, {
      headers: { cookie: `stytch_session=${world.alice.token}` },
    });
    expect(response.status).toBe(502);
    expect(await body(response)).toMatchObject({ error_type: 'upstream_unavailable' });
    await expectStillServing();
  });
});
