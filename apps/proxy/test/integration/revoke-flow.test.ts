import { request } from 'node:http';
import {
  ALLOWED_ORIGIN,
  bearer,
  countRequests,
  proxyListPath,
  proxyRevokePath,
  stytchListPath,
} from '@connected-apps/testkit';
import { describe, expect, it, vi } from 'vitest';
import { useSeededStack } from '../helpers/proxy-stack.ts';

const t = useSeededStack();

const api = (path: string, init?: RequestInit) => fetch(`${t.stack.url}${path}`, init);

describe('a signed-in user revokes their own app', () => {
  it("revokes with a Bearer JWT: 200 with Stytch's body, grant gone, tokens revoked, list updated", async () => {
    const { alice, calendar, notes } = t.world;
    const before = await api(proxyListPath(alice.user_id), { headers: bearer(alice.jwt) });
    expect(before.status).toBe(200);
    const listed = (await before.json()) as {
      connected_apps: { connected_app_id: string; scopes_granted: string }[];
    };
    expect(listed.connected_apps.map((a) => a.connected_app_id).sort()).toEqual([calendar, notes].sort());

    const response = await api(proxyRevokePath(alice.user_id, calendar), {
      method: 'POST',
      headers: { ...bearer(alice.jwt), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['request_id', 'status_code']);
    expect(body.status_code).toBe(200);
    expect(body.request_id).toMatch(/^request-id-test-/);

    const tokens = await t.stack.emulator.control.getTokens(alice.user_id, calendar);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((t) => t.revoked)).toBe(true);

    const after = (await (
      await api(proxyListPath(alice.user_id), { headers: bearer(alice.jwt) })
    ).json()) as typeof listed;
    expect(after.connected_apps.map((a) => a.connected_app_id)).toEqual([notes]);
    // Bob's grant to the same app is untouched.
    expect((await t.stack.emulator.control.getTokens(t.world.bob.user_id, calendar)).grant_active).toBe(true);
  });

  it('revokes from the browser with the opaque stytch_session cookie and an allowed Origin', async () => {
    const { alice, notes } = t.world;
    const response = await api(proxyRevokePath(alice.user_id, notes), {
      method: 'POST',
      headers: { cookie: `stytch_session=${alice.token}`, origin: ALLOWED_ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(await t.stack.stytchRequests()).toEqual([
      'POST /v1/sessions/authenticate',
      `POST /v1/users/${alice.user_id}/connected_apps/${notes}/revoke`,
    ]);
  });

  it('revokes with the stytch_session_jwt cookie and Sec-Fetch-Site: same-origin', async () => {
    const { alice, notes } = t.world;
    const response = await api(proxyRevokePath(alice.user_id, notes), {
      method: 'POST',
      headers: { cookie: `stytch_session_jwt=${alice.jwt}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
  });

  it('confirms a JWT older than SESSION_JWT_MAX_AGE_SECONDS with Stytch, then serves it from the cache', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await t.stack.emulator.control.mintSession({
      user_id: t.world.alice.user_id,
      claims_override: { iat: now - 120, nbf: now - 120 },
    });
    for (let i = 0; i < 2; i++) {
      const response = await api(proxyListPath(t.world.alice.user_id), { headers: bearer(old.session_jwt) });
      expect(response.status).toBe(200);
    }
    const requests = await t.stack.stytchRequests();
    expect(requests.filter((r) => r === 'POST /v1/sessions/authenticate')).toHaveLength(1);
  });

  it('answers session_invalid when Stytch no longer knows an opaque session', async () => {
    const response = await api(proxyListPath(t.world.alice.user_id), {
      headers: { cookie: 'stytch_session=unknown-session-token' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_type: 'session_invalid' });
  });
});

describe('over real HTTP', () => {
  it('sends the secure headers and our request id, which the request log carries too', async () => {
    const response = await api(proxyListPath(t.world.alice.user_id), { headers: bearer(t.world.alice.jwt) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = t.stack.logs.lines().find((l) => l.request_id === requestId);
    expect(line).toMatchObject({
      method: 'GET',
      status: 200,
      route: '/api/v1/users/:user_id/connected_apps',
    });
    expect(line?.stytch_request_id).toMatch(/^request-id-test-/);
  });

  it('accepts a {} body that arrives in pieces', async () => {
    const { alice, notes } = t.world;
    const { hostname, port } = new URL(t.stack.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: proxyRevokePath(alice.user_id, notes),
          headers: {
            ...bearer(alice.jwt),
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{');
      setTimeout(() => req.end('}'), 50);
    });
    expect(status).toBe(200);
    expect((await t.stack.emulator.control.getTokens(alice.user_id, notes)).grant_active).toBe(false);
  });

  it('logs an answer the client did not wait for as undelivered, never as the 200 it would have been', async () => {
    const { alice } = t.world;
    await t.stack.emulator.control.injectFault({ path: stytchListPath(alice.user_id), latency_ms: 300 });
    const gone = new AbortController();
    const call = api(proxyListPath(alice.user_id), { headers: bearer(alice.jwt), signal: gone.signal });
    await vi.waitFor(
      async () =>
        expect(await countRequests(t.stack.emulator.control, 'GET', stytchListPath(alice.user_id))).toBe(1),
      { timeout: 3000, interval: 20 },
    );
    gone.abort();
    await expect(call).rejects.toThrow();
    await expect
      .poll(
        () => t.stack.logs.lines().find((line) => line.route === '/api/v1/users/:user_id/connected_apps'),
        {
          timeout: 3000,
        },
      )
      .toMatchObject({ level: 'warn', status: 0, error_type: 'client_gone', undelivered_status: 200 });
    expect(t.stack.logs.lines().filter((line) => line.status === 200)).toEqual([]);
  });

  it('ignores a caller-chosen X-Request-Id', async () => {
    const response = await api(proxyListPath(t.world.alice.user_id), {
      headers: { ...bearer(t.world.alice.jwt), 'x-request-id': 'chosen-by-caller' },
    });
    expect(response.headers.get('x-request-id')).not.toBe('chosen-by-caller');
  });

  it('answers a CORS preflight from an allowed origin, and none to a foreign one', async () => {
    const preflight = (origin: string) =>
      api(proxyRevokePath(t.world.alice.user_id, t.world.calendar), {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(await t.stack.stytchRequests()).toEqual([]);
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await api('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
  });
});

describe('admins', () => {
  it("lets the admin role revoke another user's app", async () => {
    const { admin, alice, calendar } = t.world;
    const response = await api(proxyRevokePath(alice.user_id, calendar), {
      method: 'POST',
      headers: bearer(admin.jwt),
    });
    expect(response.status).toBe(200);
    expect((await t.stack.emulator.control.getTokens(alice.user_id, calendar)).grant_active).toBe(false);
  });

  it("lets the admin role use a user's external_id", async () => {
    const { admin, alice, notes } = t.world;
    const list = await api(proxyListPath(alice.external_id), { headers: bearer(admin.jwt) });
    expect(list.status).toBe(200);
    const response = await api(proxyRevokePath(alice.external_id, notes), {
      method: 'POST',
      headers: bearer(admin.jwt),
    });
    expect(response.status).toBe(200);
    expect((await t.stack.emulator.control.getTokens(alice.user_id, notes)).grant_active).toBe(false);
  });
});

describe("Stytch's errors pass through unchanged", () => {
  it('passes connected_app_not_found through with its status, request_id and error_url', async () => {
    const { alice } = t.world;
    const response = await api(
      proxyRevokePath(alice.user_id, 'connected-app-test-00000000-0000-4000-8000-00000000dead'),
      {
        method: 'POST',
        headers: bearer(alice.jwt),
      },
    );
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status_code: 404,
      error_type: 'connected_app_not_found',
      error_url: 'https://stytch.com/docs/api/errors/404',
    });
    expect(body.request_id).toMatch(/^request-id-test-/);
  });

  it('revoking twice is idempotent (200 both times)', async () => {
    const { alice, notes } = t.world;
    for (let i = 0; i < 2; i++) {
      expect(
        (await api(proxyRevokePath(alice.user_id, notes), { method: 'POST', headers: bearer(alice.jwt) }))
          .status,
      ).toBe(200);
    }
  });
});
