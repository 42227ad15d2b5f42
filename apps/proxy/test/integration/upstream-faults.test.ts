import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import {
  bearer,
  countRequests,
  proxyListPath,
  proxyRevokePath,
  sessionTokenCookie,
} from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { startProxyStack, useSeededStack } from '../helpers/proxy-stack.ts';

// Room for two retries with backoff even on a busy machine; the slow-upstream fault (3 s) still exceeds it.
const TIMEOUT_MS = 1200;
const t = useSeededStack({ UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), UPSTREAM_RETRIES: '2' });

const revokeCalendar = () =>
  fetch(`${t.stack.url}${proxyRevokePath(t.world.alice.user_id, t.world.calendar)}`, {
    method: 'POST',
    headers: bearer(t.world.alice.jwt),
  });
const revokePathOnWire = () => `/v1/users/${t.world.alice.user_id}/connected_apps/${t.world.calendar}/revoke`;

/** The proxy still answers normally after a fault. */
async function expectStillServing() {
  const response = await fetch(`${t.stack.url}${proxyListPath(t.world.alice.user_id)}`, {
    headers: bearer(t.world.alice.jwt),
  });
  expect(response.status).toBe(200);
}

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('upstream faults', () => {
  it('answers 504 upstream_timeout within the timeout plus a small margin when Stytch is too slow', async () => {
    await t.stack.emulator.control.injectFault({ path: revokePathOnWire(), latency_ms: 3000 });
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
    await t.stack.emulator.control.injectFault({ path: revokePathOnWire(), status: 500, times: 3 });
    const response = await revokeCalendar();
    expect(response.status).toBe(500);
    const error = await body(response);
    expect(error).toMatchObject({
      status_code: 500,
      error_type: 'internal_server_error',
      error_url: 'https://stytch.com/docs/api/errors/500',
    });
    expect(error.request_id).toMatch(/^request-id-test-/);
    const attempts = (await t.stack.stytchRequests()).filter((r) => r.endsWith('/revoke'));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    await expectStillServing();
  });

  it('retries a single 500 and succeeds', async () => {
    await t.stack.emulator.control.injectFault({ path: revokePathOnWire(), status: 500, times: 1 });
    const response = await revokeCalendar();
    expect(response.status).toBe(200);
    expect(
      (await t.stack.emulator.control.getTokens(t.world.alice.user_id, t.world.calendar)).grant_active,
    ).toBe(false);
  });

  it('honors a 429 Retry-After before retrying', async () => {
    // Retry-After is in whole seconds: give the call the time budget to wait one.
    const patient = await startProxyStack({ UPSTREAM_TIMEOUT_MS: '3000' }, t.stack.emulator);
    try {
      await t.stack.emulator.control.injectFault({
        path: revokePathOnWire(),
        status: 429,
        retry_after: 1,
        times: 1,
      });
      const started = performance.now();
      const response = await fetch(
        `${patient.url}${proxyRevokePath(t.world.alice.user_id, t.world.calendar)}`,
        {
          method: 'POST',
          headers: bearer(t.world.alice.jwt),
        },
      );
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await patient.stop();
    }
  });

  it('passes a 429 through with Retry-After when waiting does not fit the budget', async () => {
    await t.stack.emulator.control.injectFault({
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

  it.each([
    ['drops the connection', { drop_connection: true }, 'upstream_unavailable'],
    ['answers malformed JSON', { malformed_json: true }, 'upstream_invalid_response'],
  ] as const)('answers 502 when Stytch %s, after the retries', async (_name, fault, errorType) => {
    await t.stack.emulator.control.injectFault({ path: revokePathOnWire(), times: 5, ...fault });
    const response = await revokeCalendar();
    expect(response.status).toBe(502);
    expect(await body(response)).toMatchObject({ status_code: 502, error_type: errorType });
    await t.stack.emulator.control.clearFaults();
    await expectStillServing();
  });

  describe('sessions/authenticate (an opaque session cookie)', () => {
    const AUTHENTICATE = STYTCH_ROUTES.sessionsAuthenticate.template;
    /** Alice's list with her opaque session, after `times` dropped connections on sessions/authenticate. */
    const listAfterDrops = async (times: number) => {
      await t.stack.emulator.control.injectFault({ path: AUTHENTICATE, drop_connection: true, times });
      return fetch(`${t.stack.url}${proxyListPath(t.world.alice.user_id)}`, {
        headers: sessionTokenCookie(t.world.alice.token),
      });
    };

    it('is retried like every Stytch call: one dropped connection still confirms the session', async () => {
      expect((await listAfterDrops(1)).status).toBe(200);
      expect(await countRequests(t.stack.emulator.control, 'POST', AUTHENTICATE)).toBe(2);
    });

    it('answers 502 upstream_unavailable when it stays down', async () => {
      const response = await listAfterDrops(5);
      expect(response.status).toBe(502);
      expect(await body(response)).toMatchObject({ error_type: 'upstream_unavailable' });
      await expectStillServing();
    });
  });
});
