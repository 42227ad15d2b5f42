import { describe, expect, it } from 'vitest';
import { AbortError, isAbortError, isTimeoutError, TimeoutError, type Transport } from '../src/index.ts';
import { APP_ID, rejectionOf, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError, stytchOk } from './helpers/test-server.ts';

const REVOKE = { user_id: USER_ID, connected_app_id: APP_ID };

describeEachTransport('timeouts and aborts', (t) => {
  it('rejects with a TimeoutError when the server is slower than the timeout', async () => {
    const server = await t.serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, stytchOk()), 1000).unref();
    });
    const started = performance.now();
    const error = await rejectionOf(
      stytchClient(server.url, t.transport, { timeout: 200 }).users.revoke(REVOKE),
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    // The default policy does not retry timeouts, and `retryable` says so.
    expect(error).toMatchObject({ status_code: 0, error_type: 'timeout', retryable: false });
    expect((error as TimeoutError).message).toMatch(
      /^timeout: No response within 200 ms\. \[request_id: local-/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(700);
  });

  it('times out a body that starts but never finishes (the timeout covers reading the body)', async () => {
    const server = await t.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"request_id":');
    });
    const error = await rejectionOf(
      stytchClient(server.url, t.transport, { timeout: 200 }).users.revoke(REVOKE),
    );
    expect(isTimeoutError(error)).toBe(true);
  });

  it('applies a per-call timeout over the client one', async () => {
    const server = await t.serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, stytchOk()), 300).unref();
    });
    const client = stytchClient(server.url, t.transport, { timeout: 50 });
    await expect(client.users.revoke(REVOKE, { timeout: 2000 })).resolves.toMatchObject({ status_code: 200 });
  });

  it('rejects with an AbortError when the signal aborts mid-flight, without retrying', async () => {
    const server = await t.serve(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = stytchClient(server.url, t.transport).users.revoke(REVOKE, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await rejectionOf(pending);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ status_code: 0, error_type: 'aborted', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with an AbortError during a retry wait', async () => {
    const server = await t.serve((_req, res) =>
      sendJson(res, 503, stytchError(503, 'service_unavailable', 'x'), { 'retry-after': '5' }),
    );
    const signal = AbortSignal.timeout(200);
    const started = performance.now();
    const error = await rejectionOf(stytchClient(server.url, t.transport).users.revoke(REVOKE, { signal }));
    expect(isAbortError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk()));
    const error = await rejectionOf(
      stytchClient(server.url, t.transport).users.revoke(REVOKE, { signal: AbortSignal.abort() }),
    );
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with a NetworkError when nothing listens on the port', async () => {
    const server = await t.serve(() => undefined);
    const { url } = server;
    await server.close();
    const error = await rejectionOf(stytchClient(url, t.transport, { retry: false }).users.revoke(REVOKE));
    expect(error).toMatchObject({ name: 'NetworkError', status_code: 0, error_type: 'network_error' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('a custom transport that ignores the signal', () => {
  const hanging: Transport = { send: () => new Promise(() => undefined) };

  it('still times out on time', async () => {
    const started = performance.now();
    const error = await rejectionOf(
      stytchClient('http://127.0.0.1:9', hanging, { timeout: 100 }).users.revoke(REVOKE),
    );
    expect(isTimeoutError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("still stops at the caller's abort", async () => {
    const controller = new AbortController();
    const pending = stytchClient('http://127.0.0.1:9', hanging).users.revoke(REVOKE, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(isAbortError(await rejectionOf(pending))).toBe(true);
  });

  it('that throws instead of rejecting gives a NetworkError', async () => {
    const throwing: Transport = {
      send: () => {
        throw new Error('not wired up');
      },
    };
    const error = await rejectionOf(
      stytchClient('http://127.0.0.1:9', throwing, { retry: false }).users.revoke(REVOKE),
    );
    expect(error).toMatchObject({
      name: 'NetworkError',
      error_message: 'No response from the server (not wired up).',
    });
  });
});
