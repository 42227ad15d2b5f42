import { expect, it } from 'vitest';
import type { ConnectedAppsError, Hooks } from '../src/index.ts';
import { APP_ID, rejectionOf, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError, stytchOk } from './helpers/test-server.ts';

const PATH = `/v1/users/${USER_ID}/connected_apps/${APP_ID}/revoke`;

/** Hooks that record every call as `[hook name, info]`. */
function recordingHooks() {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const record = (name: string) => (info: object) => {
    calls.push([name, { ...info }]);
  };
  const hooks: Hooks = {
    beforeRequest: record('beforeRequest'),
    afterResponse: record('afterResponse'),
    onRetry: record('onRetry'),
    onError: record('onError'),
  };
  return { hooks, calls };
}

describeEachTransport('hooks', (t) => {
  it('reports each attempt, response and retry, with Stytch request ids', async () => {
    const failure = stytchError(500, 'internal_server_error', 'x');
    const success = stytchOk();
    const server = await t.serve((_req, res, _seen, i) =>
      i === 0 ? sendJson(res, 500, failure) : sendJson(res, 200, success),
    );
    const { hooks, calls } = recordingHooks();
    await stytchClient(server.url, t.transport, { hooks }).users.revoke({
      user_id: USER_ID,
      connected_app_id: APP_ID,
    });
    expect(calls.map(([name]) => name)).toEqual([
      'beforeRequest',
      'afterResponse',
      'onRetry',
      'beforeRequest',
      'afterResponse',
    ]);
    const call_id = calls[0]?.[1].call_id;
    expect(call_id).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(calls[0]?.[1]).toEqual({ method: 'POST', path: PATH, attempt: 1, call_id });
    // One call, one id, in every hook and across the retry.
    expect(new Set(calls.map(([, info]) => info.call_id))).toEqual(new Set([call_id]));
    expect(calls[1]?.[1]).toMatchObject({ attempt: 1, status: 500, request_id: failure.request_id });
    expect(calls[1]?.[1].durationMs).toBeTypeOf('number');
    expect(calls[2]?.[1]).toMatchObject({
      attempt: 2,
      status: 500,
      request_id: failure.request_id,
      delayMs: 10,
    });
    expect(calls[4]?.[1]).toMatchObject({ attempt: 2, status: 200, request_id: success.request_id });
  });

  it('calls onError once with the final error, after the retries', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 503, stytchError(503, 'unavailable', 'x')));
    const { hooks, calls } = recordingHooks();
    const error = await rejectionOf(
      stytchClient(server.url, t.transport, { hooks, retry: { limit: 1, delay: () => 1 } }).users.revoke({
        user_id: USER_ID,
        connected_app_id: APP_ID,
      }),
    );
    const onError = calls.filter(([name]) => name === 'onError');
    expect(onError).toHaveLength(1);
    expect(onError[0]?.[1]).toMatchObject({ method: 'POST', path: PATH, attempt: 2, status: 503, error });
  });

  it('calls onError for a request rejected before sending (attempt 0, the path template)', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk()));
    const { hooks, calls } = recordingHooks();
    await rejectionOf(stytchClient(server.url, t.transport, { hooks }).users.connectedApps({ user_id: '' }));
    expect(calls).toHaveLength(1);
    const error = calls[0]?.[1].error as ConnectedAppsError | undefined;
    expect(calls[0]?.[1]).toMatchObject({
      method: 'GET',
      path: '/v1/users/{user_id}/connected_apps',
      attempt: 0,
      status: 0,
      call_id: error?.request_id,
    });
    expect(error?.request_id).toMatch(/^local-/);
  });

  it('ignores hooks that throw or reject: the call still succeeds', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk()));
    const hooks: Hooks = {
      beforeRequest: () => {
        throw new Error('logger down');
      },
      afterResponse: () => Promise.reject(new Error('logger down')),
    };
    await expect(
      stytchClient(server.url, t.transport, { hooks }).users.revoke({
        user_id: USER_ID,
        connected_app_id: APP_ID,
      }),
    ).resolves.toMatchObject({ status_code: 200 });
  });
});
