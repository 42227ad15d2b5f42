import { expect, it } from 'vitest';
import {
  InvalidResponseError,
  isNetworkError,
  isTimeoutError,
  type RetryInfo,
  StytchApiError,
} from '../src/index.ts';
import { APP_ID, rejectionOf, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError, stytchOk } from './helpers/test-server.ts';

const REVOKE = { user_id: USER_ID, connected_app_id: APP_ID };

describeEachTransport('retries', (t) => {
  /** Answers with `failures[i]` for the first requests, then 200. */
  const flakyServer = (failures: Array<[status: number, headers?: Record<string, string>]>) =>
    t.serve((_req, res, _seen, index) => {
      const failure = failures[index];
      if (!failure) return sendJson(res, 200, stytchOk());
      const [status, headers] = failure;
      sendJson(
        res,
        status,
        stytchError(status, status === 429 ? 'too_many_requests' : 'internal_server_error', 'x'),
        headers,
      );
    });

  it('retries a revoke (POST) after 500 and 503 and resolves, reporting each retry', async () => {
    const server = await flakyServer([[500], [503]]);
    const retries: RetryInfo[] = [];
    const client = stytchClient(server.url, t.transport, {
      hooks: { onRetry: (info) => void retries.push(info) },
    });
    await expect(client.users.revoke(REVOKE)).resolves.toMatchObject({ status_code: 200 });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
    expect(retries.map((r) => [r.attempt, r.status, r.delayMs])).toEqual([
      [2, 500, 10],
      [3, 503, 10],
    ]);
    expect(retries[0]?.request_id).toMatch(/^request-id-test-/);
  });

  // HTTP dates have whole seconds: "2 s from now" is between 1 and 2 s away.
  it.each([
    ['in seconds', 429, (): string => '1', 990, 1500],
    ['as an HTTP date', 503, (): string => new Date(Date.now() + 2000).toUTCString(), 900, 2500],
  ] as const)(
    'honors Retry-After %s (measured between the attempts the server saw)',
    async (_label, status, retryAfter, min, max) => {
      const server = await flakyServer([[status, { 'retry-after': retryAfter() }]]);
      await stytchClient(server.url, t.transport).users.revoke(REVOKE);
      const [first, second] = server.requests;
      const gap = (second?.at ?? 0) - (first?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(min);
      expect(gap).toBeLessThan(max);
    },
  );

  it('does not wait for a Retry-After beyond maxRetryAfter: it rejects at once and carries the delay', async () => {
    const server = await flakyServer([[429, { 'retry-after': '120' }]]);
    const started = performance.now();
    const error = await rejectionOf(stytchClient(server.url, t.transport).users.revoke(REVOKE));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(StytchApiError);
    expect((error as StytchApiError).retryAfter).toBe(120_000);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with the last error once the retries are exhausted (limit + 1 attempts)', async () => {
    const server = await t.serve((_req, res) =>
      sendJson(res, 503, stytchError(503, 'service_unavailable', 'Down.')),
    );
    const error = await rejectionOf(stytchClient(server.url, t.transport).users.revoke(REVOKE));
    expect(error).toBeInstanceOf(StytchApiError);
    expect((error as StytchApiError).status_code).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a gateway HTML 502 like any 502, and not when statusCodes leave 502 out', async () => {
    const server = await t.serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    });
    const retried = await rejectionOf(
      stytchClient(server.url, t.transport, { retry: { limit: 1 } }).users.revoke(REVOKE),
    );
    expect(retried).toBeInstanceOf(InvalidResponseError);
    expect(retried).toMatchObject({ status_code: 502, retryable: true });
    expect(server.requests).toHaveLength(2);

    const final = await rejectionOf(
      stytchClient(server.url, t.transport, { retry: { statusCodes: [503] } }).users.revoke(REVOKE),
    );
    expect(final).toMatchObject({ name: 'InvalidResponseError', status_code: 502, retryable: false });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['false', false],
    ['0', 0],
  ] as const)('sends exactly one attempt when retries are disabled (retry: %s)', async (_label, retry) => {
    const server = await flakyServer([[500]]);
    const error = await rejectionOf(stytchClient(server.url, t.transport, { retry }).users.revoke(REVOKE));
    expect((error as StytchApiError).status_code).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it.each([400, 401, 403, 404])('does not retry a %i', async (status) => {
    const server = await flakyServer([[status]]);
    const error = await rejectionOf(stytchClient(server.url, t.transport).users.revoke(REVOKE));
    expect((error as StytchApiError).status_code).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset and resolves', async () => {
    const server = await t.serve((req, res, _seen, index) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, stytchOk());
    });
    await expect(stytchClient(server.url, t.transport).users.revoke(REVOKE)).resolves.toMatchObject({
      status_code: 200,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('rejects with a NetworkError when every attempt is reset', async () => {
    const server = await t.serve((req) => req.socket.destroy());
    const error = await rejectionOf(stytchClient(server.url, t.transport).users.revoke(REVOKE));
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ status_code: 0, error_type: 'network_error', retryable: true });
    expect((error as Error).message).toMatch(
      /^network_error: No response from the server.*\[request_id: local-/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('stays within retry.totalTimeout: no retry starts that cannot finish in the budget', async () => {
    const server = await t.serve((_req, res) =>
      sendJson(res, 500, stytchError(500, 'internal_server_error', 'x')),
    );
    const client = stytchClient(server.url, t.transport, {
      retry: { limit: 50, delay: () => 100, jitter: false, totalTimeout: 450 },
    });
    const started = performance.now();
    const error = await rejectionOf(client.users.revoke(REVOKE));
    // The budget ends the call; a busy machine may fire that timer a little late, never a whole retry
    // (100 ms) late — a retry started past the budget would show here and in the count below.
    expect(performance.now() - started).toBeLessThan(450 + 90);
    // The last attempt ends as Stytch's 500, or — when a slow machine makes it outlast the budget's
    // remainder — as the budget's timeout; never as a retry past it.
    if (!isTimeoutError(error)) expect((error as StytchApiError).status_code).toBe(500);
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(5);
  });

  it('does not retry a timed-out attempt unless retryOnTimeout is set', async () => {
    let hangNext = true;
    const server = await t.serve((_req, res) => {
      if (hangNext)
        hangNext = false; // leave this one unanswered
      else sendJson(res, 200, stytchOk());
    });
    const noRetry = await rejectionOf(
      stytchClient(server.url, t.transport, { timeout: 150 }).users.revoke(REVOKE),
    );
    expect(isTimeoutError(noRetry)).toBe(true);
    expect(noRetry).toMatchObject({ retryable: false });
    expect(server.requests).toHaveLength(1);

    hangNext = true;
    const client = stytchClient(server.url, t.transport, {
      timeout: 150,
      retry: { retryOnTimeout: true, delay: () => 10 },
    });
    await expect(client.users.revoke(REVOKE)).resolves.toMatchObject({ status_code: 200 });
    expect(server.requests).toHaveLength(3);
  });

  it('marks a timeout retryable when retryOnTimeout is set, including the last one', async () => {
    const server = await t.serve(() => undefined); // never answers
    const client = stytchClient(server.url, t.transport, {
      timeout: 100,
      retry: { limit: 1, retryOnTimeout: true },
    });
    const error = await rejectionOf(client.users.revoke(REVOKE));
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it("follows the client's statusCodes for both the retries and each error's retryable", async () => {
    const conflicts = await t.serve((_req, res) => sendJson(res, 409, stytchError(409, 'conflict', 'x')));
    const only409 = { retry: { limit: 1, statusCodes: [409] } };
    const conflict = await rejectionOf(
      stytchClient(conflicts.url, t.transport, only409).users.revoke(REVOKE),
    );
    expect(conflict).toMatchObject({ status_code: 409, retryable: true });
    expect(conflicts.requests).toHaveLength(2);

    const failures = await t.serve((_req, res) => sendJson(res, 503, stytchError(503, 'unavailable', 'x')));
    const failure = await rejectionOf(stytchClient(failures.url, t.transport, only409).users.revoke(REVOKE));
    expect(failure).toBeInstanceOf(StytchApiError);
    expect(failure).toMatchObject({ status_code: 503, retryable: false });
    expect(failures.requests).toHaveLength(1);
  });
});
