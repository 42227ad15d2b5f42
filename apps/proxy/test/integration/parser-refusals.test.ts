import { bearer, type HttpResponse, rawSocket, stytchListPath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import type { PROXY_ERRORS } from '../../src/errors/error-catalog.ts';
import { useSeededStack } from '../helpers/proxy-stack.ts';

const t = useSeededStack();

const send = (bytes: string | Uint8Array) => rawSocket(t.stack.url, bytes);

/**
 * The refusal is ours, whatever refused it (Node's parser or the pipeline): Stytch-shaped JSON, the
 * documented security headers, an X-Request-Id naming the body's request_id and a log line, and
 * nothing more reached Stytch than `stytchCalls` calls (those of valid requests sent before it).
 */
async function expectRefusal(
  response: HttpResponse,
  status: number,
  errorType: keyof typeof PROXY_ERRORS,
  stytchCalls = 0,
) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/json');
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toEqual({
    status_code: status,
    request_id: expect.any(String),
    error_type: errorType,
    error_message: expect.any(String),
    error_url: expect.stringMatching(new RegExp(`#${errorType}$`)),
  });
  expect(response.headers['x-request-id']).toBe(body.request_id);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers['strict-transport-security']).toMatch(/^max-age=/);
  await expect
    .poll(() => t.stack.logs.lines().find((line) => line.request_id === body.request_id))
    .toMatchObject({ status, error_type: errorType });
  expect(await t.stack.stytchRequests()).toHaveLength(stytchCalls);
}

const list = () => `/api/v1/users/${t.world.alice.user_id}/connected_apps`;

describe('requests the HTTP parser refuses', () => {
  it('a raw non-ASCII byte in the request line → 400 bad_request', async () => {
    const bytes = Buffer.concat([
      Buffer.from('GET /api/v1/users/'),
      Buffer.from([0xff, 0x00]),
      Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
    ]);
    await expectRefusal(await send(bytes), 400, 'bad_request');
  });

  it('both Content-Length and Transfer-Encoding (a smuggling attempt) → 400 bad_request', async () => {
    const request =
      `POST ${list()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n';
    await expectRefusal(await send(request), 400, 'bad_request');
  });

  it('an obs-folded header → 400 bad_request', async () => {
    await expectRefusal(
      await send(`GET ${list()} HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n  b\r\n\r\n`),
      400,
      'bad_request',
    );
  });

  it('headers over 16 KiB → 431 request_headers_too_large', async () => {
    const request = `GET ${list()} HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`;
    await expectRefusal(await send(request), 431, 'request_headers_too_large');
  });

  it('garbage pipelined behind a valid request is refused only after that request is answered', async () => {
    await t.stack.emulator.control.injectFault({
      path: stytchListPath(t.world.alice.user_id),
      latency_ms: 200,
    });
    const valid = `GET ${list()} HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer(t.world.alice.jwt).authorization}\r\n\r\n`;
    const { responses, closed } = await rawSocket(t.stack.url, `${valid}NOT HTTP AT ALL\r\n\r\n`, {
      untilClose: true,
    });
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
    expect(JSON.parse(responses[0]?.body ?? '')).toMatchObject({ connected_apps: expect.any(Array) });
    await expectRefusal(responses[1] as HttpResponse, 400, 'bad_request', 1);
    expect(closed).toBe(true);
  });

  describe('a revoke whose body framing breaks after its headers were read', () => {
    const revoke = () =>
      `POST /api/v1/users/${t.world.alice.user_id}/connected_apps/${t.world.calendar}/revoke HTTP/1.1\r\n` +
      `Host: x\r\nAuthorization: ${bearer(t.world.alice.jwt).authorization}\r\nContent-Type: application/json\r\n`;
    it.each([
      ['a bad chunk size', 'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
      ['a chunk longer than its size', 'Transfer-Encoding: chunked\r\n\r\n2\r\n{}0\r\n\r\n'],
      ['a stream that ends before Content-Length', 'Content-Length: 10\r\n\r\n{}'],
      ['a Transfer-Encoding not ending with chunked', 'Transfer-Encoding: gzip\r\n\r\n{}'],
    ])('%s → 400 bad_request for that request, then the connection closes', async (_name, rest) => {
      const response = await rawSocket(t.stack.url, `${revoke()}${rest}`, {
        halfClose: true,
        untilClose: true,
      });
      expect(response.responses).toHaveLength(1);
      await expectRefusal(response, 400, 'bad_request');
      expect(response.closed).toBe(true);
    });
  });

  it('CONNECT → 400 bad_request', async () => {
    await expectRefusal(
      await send('CONNECT other.host:443 HTTP/1.1\r\nHost: other.host:443\r\n\r\n'),
      400,
      'bad_request',
    );
  });
});

describe('request lines the proxy will not route', () => {
  it('an absolute-form target is refused, not routed after resolving it → 400 bad_request', async () => {
    const target = `http://other.host/api/v1/users/${t.world.bob.user_id}/../${t.world.alice.user_id}/connected_apps`;
    await expectRefusal(await send(`GET ${target} HTTP/1.1\r\nHost: other.host\r\n\r\n`), 400, 'bad_request');
  });

  it('HTTP/1.1 without Host → 400 bad_request, even on /healthz', async () => {
    await expectRefusal(await send(`GET ${list()} HTTP/1.1\r\n\r\n`), 400, 'bad_request');
    await expectRefusal(await send('GET /healthz HTTP/1.1\r\n\r\n'), 400, 'bad_request');
  });

  it('HTTP/1.0 without Host (a load-balancer health check) gets /healthz and /readyz, nothing else', async () => {
    const healthz = await send('GET /healthz HTTP/1.0\r\n\r\n');
    expect(healthz.status).toBe(200);
    expect(JSON.parse(healthz.body)).toEqual({ status: 'ok' });
    expect(healthz.headers['x-content-type-options']).toBe('nosniff');
    const readyz = await send('GET /readyz HTTP/1.0\r\n\r\n');
    expect(readyz.status).toBe(200);
    expect(JSON.parse(readyz.body)).toMatchObject({ status: 'ok' });
    await expectRefusal(await send(`GET ${list()} HTTP/1.0\r\n\r\n`), 400, 'bad_request');
  });

  it('a Host that is not a host → 400 bad_request', async () => {
    await expectRefusal(await send(`GET ${list()} HTTP/1.1\r\nHost: a b/c\r\n\r\n`), 400, 'bad_request');
  });
});
