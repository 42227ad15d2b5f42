import { bearer } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, createHarness, listPath } from '../helpers/app-harness.ts';
import { SECRET, useJwksServer } from '../helpers/signing-keys.ts';

const keys = useJwksServer();

describe('health', () => {
  it('answers /healthz with 200 ok', async () => {
    const harness = createHarness(keys.server);
    const response = await harness.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 once the JWKS is fetched, and 503 not_ready when it cannot be', async () => {
    const harness = createHarness(keys.server);
    expect(await (await harness.request('/readyz')).json()).toEqual({ status: 'ok', jwks: 'fetched' });
    expect(await (await harness.request('/readyz')).json()).toEqual({ status: 'ok', jwks: 'cached' });

    keys.server.setDown(true);
    try {
      const cold = createHarness(keys.server);
      const response = await cold.request('/readyz');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status_code: 503, error_type: 'not_ready' });
      // A second probe right after a failure does not hit the JWKS again.
      const hits = keys.server.hits();
      expect((await cold.request('/readyz')).status).toBe(503);
      expect(keys.server.hits()).toBe(hits);
    } finally {
      keys.server.setDown(false);
    }
  });

  it('answers 502 upstream_unavailable when a session cannot be verified because the JWKS is down', async () => {
    keys.server.setDown(true);
    try {
      const harness = createHarness(keys.server);
      const response = await harness.request(listPath(ALICE), { headers: bearer(await harness.jwtFor()) });
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error_type: 'upstream_unavailable' });
    } finally {
      keys.server.setDown(false);
    }
  });
});

describe('request log', () => {
  it('writes one JSON line per request with ids, route, status and duration, and no credential', async () => {
    const harness = createHarness(keys.server);
    const jwt = await harness.jwtFor({ sub: ALICE });
    const refused = await harness.request(listPath(BOB), {
      headers: { ...bearer(jwt), cookie: `stytch_session=opaque-secret-token` },
    });
    expect(refused.status).toBe(403);
    const lines = harness.logs.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      request_id: refused.headers.get('x-request-id'),
      method: 'GET',
      route: '/api/v1/users/:user_id/connected_apps',
      status: 403,
      user_id: ALICE,
      error_type: 'user_forbidden',
    });
    expect(typeof lines[0]?.duration_ms).toBe('number');
    const text = harness.logs.text();
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(jwt.split('.')[2]);
    expect(text).not.toContain('opaque-secret-token');
    expect(text).not.toContain(SECRET);
  });

  it('logs the reason a session was refused without the token', async () => {
    const harness = createHarness(keys.server);
    const jwt = await harness.jwtFor({ iss: 'stytch.com/project-test-other' });
    await harness.request(listPath(ALICE), { headers: bearer(jwt) });
    const [line] = harness.logs.lines();
    expect(line).toMatchObject({ status: 401, error_type: 'session_invalid' });
    expect(String(line?.cause)).toContain('iss');
    expect(harness.logs.text()).not.toContain(jwt);
  });
});
