import { ALLOWED_ORIGIN, bearer, proxyListPath, proxyRevokePath, rawRequest } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { useSeededStack } from '../helpers/proxy-stack.ts';

const t = useSeededStack({ LOG_LEVEL: 'trace', UPSTREAM_TIMEOUT_MS: '500', UPSTREAM_RETRIES: '0' });

describe('secrets and tokens', () => {
  it('appear in no log line and no response body, whatever happens', async () => {
    const { alice, bob, calendar } = t.world;
    const url = t.stack.url;
    const secrets = [
      t.stack.emulator.secret,
      alice.jwt,
      alice.token,
      bob.jwt,
      alice.jwt.split('.')[2] as string,
    ];
    const forged = `${alice.jwt.slice(0, -10)}AAAAAAAAAA`;
    const responses = await Promise.all([
      rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(alice.jwt)),
      rawRequest(url, 'GET', proxyListPath(alice.user_id), {
        cookie: `stytch_session=${alice.token}; other=1`,
      }),
      rawRequest(url, 'POST', proxyRevokePath(alice.user_id, calendar), {
        cookie: `stytch_session_jwt=${alice.jwt}`,
        origin: 'https://evil.example',
      }),
      rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(bob.jwt)),
      rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(forged)),
      rawRequest(url, 'GET', `/api/v1/users/${alice.token}/connected_apps`, {
        cookie: `stytch_session=${alice.token}`,
        origin: ALLOWED_ORIGIN,
      }),
      rawRequest(url, 'GET', '/api/nope', bearer(alice.jwt)),
    ]);
    await t.stack.emulator.control.injectFault({ path: '/v1/users/*', malformed_json: true });
    responses.push(await rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(alice.jwt)));
    await t.stack.emulator.control.injectFault({ path: '/v1/users/*', drop_connection: true });
    responses.push(await rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(alice.jwt)));
    await t.stack.emulator.control.injectFault({ path: '/v1/users/*', latency_ms: 1000 });
    responses.push(await rawRequest(url, 'GET', proxyListPath(alice.user_id), bearer(alice.jwt)));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 403, 403, 401, 403, 404, 502, 502, 504]);
    const logText = t.stack.logs.text();
    const bodies = responses.map((r) => r.text).join('\n');
    for (const secret of secrets) {
      expect(logText).not.toContain(secret);
      expect(bodies).not.toContain(secret);
    }

    // The request log still says what happened: one line per request, with both request ids.
    const requestLines = t.stack.logs
      .lines()
      .filter((line) => line.msg === 'request' || line.msg === 'request failed');
    const ok = requestLines.find(
      (line) => line.status === 200 && line.route === '/api/v1/users/:user_id/connected_apps',
    );
    expect(ok?.stytch_request_id).toMatch(/^request-id-test-/);
    expect(ok?.request_id).toEqual(expect.any(String));
    expect(requestLines.find((line) => line.status === 504)).toMatchObject({
      level: 'error',
      error_type: 'upstream_timeout',
    });
  });
});
