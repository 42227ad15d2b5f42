import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciTransport } from './undici.ts';

let server: Server;
let url: string;
const seen: { method: string; url: string; authorization: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += String(chunk);
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      });
      if (req.url === '/slow') return; // never answers: only an abort ends the call
      if (req.url === '/drop') return req.socket.destroy();
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(201, { 'content-type': 'application/json' });
      // Two writes: the body arrives in more than one chunk.
      res.write('{"request_id":"request-id-test-1",');
      res.end('"status_code":201}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('createUndiciTransport', () => {
  const transport = createUndiciTransport();
  afterAll(() => transport.close?.());

  it('sends method, path, headers and body, and returns status, lower-case headers and the whole body', async () => {
    const response = await transport.send({
      method: 'POST',
      url: `${url}/v1/users/u%2F1/connected_apps?x=1`,
      headers: { authorization: 'Basic abc', 'content-type': 'application/json' },
      body: '{}',
      signal: new AbortController().signal,
    });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/v1/users/u%2F1/connected_apps?x=1',
      authorization: 'Basic abc',
      body: '{}',
    });
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(JSON.parse(response.body)).toEqual({ request_id: 'request-id-test-1', status_code: 201 });
  });

  it('rejects with the abort reason when the signal fires mid-call', async () => {
    const controller = new AbortController();
    const call = transport.send({
      method: 'GET',
      url: `${url}/slow`,
      headers: {},
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('timed out')), 50);
    await expect(call).rejects.toThrow('timed out');
  });

  it('rejects at once for a signal aborted before sending', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already aborted'));
    await expect(
      transport.send({ method: 'GET', url: `${url}/ok`, headers: {}, signal: controller.signal }),
    ).rejects.toThrow('already aborted');
  });

  it('rejects when the connection drops before an answer', async () => {
    await expect(
      transport.send({
        method: 'GET',
        url: `${url}/drop`,
        headers: {},
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/Error$/) });
  });
});
