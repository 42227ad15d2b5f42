import { beforeEach, describe, expect, it } from 'vitest';
import { type ConnectedAppRecord, EmulatorControlError, type StytchUser } from '../src/index.ts';
import { exactError, listPath, revokePath, seedGrant, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();
let user: StytchUser;
let app: ConnectedAppRecord;
beforeEach(async () => {
  ({ user, app } = await seedGrant(emulator));
});

const list = () => stytch(emulator, 'GET', listPath(user.user_id));
const revoke = () => stytch(emulator, 'POST', revokePath(user.user_id, app.connected_app_id), { body: '{}' });

describe('fault injection', () => {
  it('delays the answer by latency_ms, then answers normally', async () => {
    await emulator.control.injectFault({ path: listPath(user.user_id), latency_ms: 150 });
    const started = performance.now();
    const response = await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
  });

  it('answers an injected status with Stytch’s own body for it', async () => {
    await emulator.control.injectFault({ path: revokePath(user.user_id, app.connected_app_id), status: 500 });
    const response = await revoke();
    expect(response.status).toBe(500);
    expect(response.json.request_id).toMatch(TEST_REQUEST_ID);
    expect(response.text).toBe(
      exactError(
        response.json,
        500,
        'internal_server_error',
        'Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.',
      ),
    );
    // The fault answered instead of the handler: the grant is still there.
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(true);
  });

  it('answers 429 too_many_requests with Retry-After', async () => {
    await emulator.control.injectFault({ path: '/v1/users/*', status: 429, retry_after: 2 });
    const response = await revoke();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.text).toBe(
      exactError(response.json, 429, 'too_many_requests', 'Too many requests have been made.'),
    );
  });

  it('implies 429 when only retry_after is given', async () => {
    await emulator.control.injectFault({ path: '/v1/users/*', retry_after: 1 });
    const response = await list();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('answers a custom body: JSON objects as JSON, strings as raw text with their content type', async () => {
    await emulator.control.injectFault({
      path: '/v1/*',
      status: 503,
      body: { error: 'temporarily_unavailable' },
    });
    await emulator.control.injectFault({
      path: '/v1/*',
      status: 502,
      body: '<html><body>Bad gateway</body></html>',
      content_type: 'text/html',
    });
    const json = await list();
    expect(json.status).toBe(503);
    expect(json.text).toBe('{"error":"temporarily_unavailable"}');
    const html = await list();
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.text).toBe('<html><body>Bad gateway</body></html>');
  });

  it('destroys the connection without an answer', async () => {
    await emulator.control.injectFault({
      path: revokePath(user.user_id, app.connected_app_id),
      drop_connection: true,
    });
    await expect(revoke()).rejects.toThrow(TypeError);
    expect((await revoke()).status).toBe(200);
    const { requests } = await emulator.control.getRequests();
    expect(requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('answers JSON cut off mid-document', async () => {
    await emulator.control.injectFault({ path: listPath(user.user_id), malformed_json: true });
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text.startsWith('{"request_id":"request-id-test-')).toBe(true);
    expect(() => JSON.parse(response.text)).toThrow(SyntaxError);
  });

  it('applies to the next `times` matching requests only, then to none', async () => {
    await emulator.control.injectFault({ path: '/v1/users/*', status: 500, times: 2 });
    expect((await list()).status).toBe(500);
    expect((await revoke()).status).toBe(500);
    expect((await list()).status).toBe(200);
    expect((await emulator.control.listFaults()).faults).toEqual([]);
  });

  it('matches the method when given, exact paths exactly, and prefixes ending with *', async () => {
    await emulator.control.injectFault({ method: 'post', path: '/v1/users/*', status: 500 });
    await emulator.control.injectFault({ path: '/v1/users', status: 503 });
    expect((await list()).status).toBe(200);
    expect((await revoke()).status).toBe(500);
    expect((await emulator.control.listFaults()).faults).toEqual([
      expect.objectContaining({ path: '/v1/users', status: 503, remaining: 1, fault_id: expect.any(String) }),
    ]);
  });

  it('is cleared by clearFaults and by reset', async () => {
    await emulator.control.injectFault({ path: '/v1/*', status: 500, times: 5 });
    await emulator.control.clearFaults();
    expect((await list()).status).toBe(200);
    await emulator.control.injectFault({ path: '/v1/*', status: 500, times: 5 });
    await emulator.control.reset();
    expect((await emulator.control.listFaults()).faults).toEqual([]);
  });

  it('never applies to the control API', async () => {
    await expect(emulator.control.injectFault({ path: '/_emulator/*', status: 500 })).rejects.toMatchObject({
      status_code: 400,
      error_type: 'bad_request',
    });
    await emulator.control.injectFault({ path: '/v1*', status: 500, times: 3 });
    expect((await emulator.control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(true);
    expect((await emulator.control.listFaults()).faults[0]?.remaining).toBe(3);
  });

  it('rejects a fault with no effect or a bad field, in Stytch’s error shape', async () => {
    for (const fault of [
      { path: '/v1/users/*' },
      { path: '/v1/users/*', status: 99 },
      { path: '/v1/users/*', status: 500, times: 0 },
      { path: '/v1/users/*', latency_ms: -1 },
    ]) {
      const error = await emulator.control.injectFault(fault).catch((e: unknown) => e);
      expect(EmulatorControlError.isInstance(error), JSON.stringify(fault)).toBe(true);
      expect(error).toMatchObject({
        status_code: 400,
        error_type: 'bad_request',
        request_id: expect.stringMatching(TEST_REQUEST_ID),
      });
    }
  });
});

describe('request log', () => {
  it('records every Stytch API request with its method, raw path, credentials verdict and status', async () => {
    await emulator.control.clearRequests();
    expect((await emulator.control.getRequests()).requests).toEqual([]);
    await revoke();
    await stytch(emulator, 'GET', listPath('a/b'), { authorization: null });
    await emulator.control.getTokens(user.user_id, app.connected_app_id);
    const { requests } = await emulator.control.getRequests();
    expect(requests).toEqual([
      {
        method: 'POST',
        path: revokePath(user.user_id, app.connected_app_id),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        authorized: true,
        status: 200,
      },
      {
        method: 'GET',
        path: '/v1/users/a%2Fb/connected_apps',
        at: expect.any(String),
        authorized: false,
        status: 401,
      },
    ]);
  });
});
