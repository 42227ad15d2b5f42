import { PROXY_ROUTES, stytchPath, type UsersRevokeAllResponse } from '@connected-apps/core/wire';
import {
  ALLOWED_ORIGIN,
  bearer,
  injectRevokeFault,
  PROXY_BASE_PATH,
  proxyRevokePath,
  stytchListPath,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { useSeededStack } from '../helpers/proxy-stack.ts';

// No retries, so one fault is one failed revoke; a short budget, so the slow-revoke case ends quickly.
const BUDGET_MS = 600;
const t = useSeededStack({ UPSTREAM_RETRIES: '0', UPSTREAM_TIMEOUT_MS: String(BUDGET_MS) });

const revokeAllPath = (user_id: string) =>
  `${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.usersRevokeAll.template, { user_id })}`;
const revokeAll = (user_id: string, headers: Record<string, string>, init: RequestInit = {}) =>
  fetch(`${t.stack.url}${revokeAllPath(user_id)}`, { method: 'POST', headers, ...init });
const envelope = async (response: Response) => (await response.json()) as UsersRevokeAllResponse;
const grantActive = async (user_id: string, app: string) =>
  (await t.stack.emulator.control.getTokens(user_id, app)).grant_active;

describe('POST {base}/v1/users/{user_id}/connected_apps/revoke_all (proxy only)', () => {
  it("reports one app's failed revoke with 207 and its error, revokes the others, and a retry revokes only the rest", async () => {
    const { alice, calendar, notes } = t.world;
    await injectRevokeFault(t.stack.emulator.control, alice.user_id, calendar, { status: 500 });

    const first = await revokeAll(
      alice.user_id,
      { ...bearer(alice.jwt), 'content-type': 'application/json' },
      {
        body: '{}',
      },
    );
    expect(first.status).toBe(207);
    const partial = await envelope(first);
    expect(partial.status_code).toBe(207);
    expect(partial.request_id).toBe(first.headers.get('x-request-id'));
    const byApp = new Map(partial.connected_apps.map((app) => [app.connected_app_id, app]));
    expect(byApp.size).toBe(2);
    expect(byApp.get(notes)).toEqual({ connected_app_id: notes, outcome: 'revoked' });
    expect(byApp.get(calendar)).toMatchObject({
      outcome: 'failed',
      error: {
        status_code: 500,
        error_type: 'internal_server_error',
        error_url: 'https://stytch.com/docs/api/errors/500',
      },
    });
    const failed = byApp.get(calendar);
    expect(failed?.outcome === 'failed' && failed.error.request_id).toMatch(/^request-id-test-/);
    expect(await grantActive(alice.user_id, notes)).toBe(false);
    expect(await grantActive(alice.user_id, calendar)).toBe(true);

    await t.stack.emulator.control.clearRequests();
    const second = await revokeAll(alice.user_id, bearer(alice.jwt));
    expect(second.status).toBe(200);
    expect((await envelope(second)).connected_apps).toEqual([
      { connected_app_id: calendar, outcome: 'revoked' },
    ]);
    expect(await t.stack.stytchRequests()).toEqual([
      `GET ${stytchListPath(alice.user_id)}`,
      `POST ${stytchRevokePath(alice.user_id, calendar)}`,
    ]);
    expect(await grantActive(alice.user_id, calendar)).toBe(false);
    // Bob's grant to the same app is untouched.
    expect(await grantActive(t.world.bob.user_id, calendar)).toBe(true);
  });

  it('answers 200 with an empty list when there is nothing to revoke', async () => {
    const { admin } = t.world;
    const response = await revokeAll(admin.user_id, bearer(admin.jwt));
    expect(response.status).toBe(200);
    expect(await envelope(response)).toMatchObject({ status_code: 200, connected_apps: [] });
  });

  it("refuses another user's revoke-all with 403 and sends nothing to Stytch", async () => {
    const { alice, bob, calendar } = t.world;
    const response = await revokeAll(alice.user_id, bearer(bob.jwt));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
    expect(await t.stack.stytchRequests()).toEqual([]);
    expect(await grantActive(alice.user_id, calendar)).toBe(true);
  });

  it('refuses a cookie write from a foreign Origin with 403 before any Stytch call', async () => {
    const { alice } = t.world;
    const response = await revokeAll(alice.user_id, {
      cookie: `stytch_session=${alice.token}`,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error_type: 'origin_forbidden' });
    expect(await t.stack.stytchRequests()).toEqual([]);
  });

  it('takes a cookie write from an allowed Origin, with CORS headers', async () => {
    const { alice } = t.world;
    const response = await revokeAll(alice.user_id, {
      cookie: `stytch_session=${alice.token}`,
      origin: ALLOWED_ORIGIN,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await envelope(response)).connected_apps).toHaveLength(2);
  });

  it.each([
    ['GET', {}, 405, 'method_not_allowed'],
    ['POST', { body: '{"all":true}', headers: { 'content-type': 'application/json' } }, 400, 'bad_request'],
  ] as const)(
    'refuses %s with a wrong body or method before Stytch (%s → %i)',
    async (method, init, status, type) => {
      const { alice } = t.world;
      const response = await fetch(`${t.stack.url}${revokeAllPath(alice.user_id)}`, {
        method,
        ...init,
        headers: { ...bearer(alice.jwt), ...('headers' in init ? init.headers : {}) },
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error_type: type });
      if (status === 405) expect(response.headers.get('allow')).toBe('POST');
      expect(await t.stack.stytchRequests()).toEqual([]);
    },
  );

  it('never reads revoke_all as a connected_app_id: .../revoke_all/revoke is a revoke of the app "revoke_all"', async () => {
    const { alice } = t.world;
    const response = await fetch(`${t.stack.url}${proxyRevokePath(alice.user_id, 'revoke_all')}`, {
      method: 'POST',
      headers: bearer(alice.jwt),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_type: 'connected_app_not_found' });
    expect(await t.stack.stytchRequests()).toEqual([`POST ${stytchRevokePath(alice.user_id, 'revoke_all')}`]);
  });

  it('reports a revoke still unanswered when the budget runs out as upstream_timeout, and answers in time', async () => {
    const { alice, calendar, notes } = t.world;
    await injectRevokeFault(t.stack.emulator.control, alice.user_id, calendar, { latency_ms: BUDGET_MS * 4 });
    const response = await revokeAll(alice.user_id, bearer(alice.jwt));
    expect(response.status).toBe(207);
    const { connected_apps } = await envelope(response);
    expect(connected_apps).toContainEqual({ connected_app_id: notes, outcome: 'revoked' });
    expect(connected_apps).toContainEqual({
      connected_app_id: calendar,
      outcome: 'failed',
      error: expect.objectContaining({ status_code: 504, error_type: 'upstream_timeout' }),
    });
  });

  it('answers a failed listing as the usual error, revoking nothing', async () => {
    const { alice } = t.world;
    await t.stack.emulator.control.injectFault({ path: stytchListPath(alice.user_id), status: 500 });
    const response = await revokeAll(alice.user_id, bearer(alice.jwt));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect((await t.stack.stytchRequests()).filter((r) => r.endsWith('/revoke'))).toEqual([]);
  });
});
