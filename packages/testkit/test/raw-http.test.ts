import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, rawSocket } from '../src/index.ts';

/** What the server saw of the last request. */
let seen: { url?: string; method?: string; headers?: IncomingMessage['headers']; body?: string } = {};
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen = { url: req.url ?? '', method: req.method ?? '', headers: req.headers, body };
      if (req.url === '/silent') return; // never answers
      if (req.url === '/reset')
        return res.writeHead(200, { 'content-length': '10' }).write('half', () => req.socket.destroy());
      if (req.url === '/text') return res.writeHead(200, { 'content-type': 'text/plain' }).end('plain');
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe('rawRequest', () => {
  it('sends the path exactly as given, and a GET body with its length', async () => {
    const res = await rawRequest(url, 'GET', '/a/../b/%2e%2e/c', { 'x-test': '1' }, 'hello');
    expect(seen).toMatchObject({ url: '/a/../b/%2e%2e/c', method: 'GET', body: 'hello' });
    expect(seen.headers).toMatchObject({ 'x-test': '1', 'content-length': '5' });
    expect(res).toMatchObject({ status: 201, body: { ok: true }, text: '{"ok":true}' });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('leaves body {} for an answer that is not JSON', async () => {
    expect(await rawRequest(url, 'GET', '/text')).toMatchObject({ status: 200, body: {}, text: 'plain' });
  });

  it('rejects once its deadline passes without an answer', async () => {
    await expect(rawRequest(url, 'GET', '/silent', {}, undefined, { timeoutMs: 200 })).rejects.toThrow(
      /no full answer within 200 ms/,
    );
  });
});

describe('rawSocket', () => {
  it('writes the bytes as given and parses the answer', async () => {
    const res = await rawSocket(url, 'POST /x%zz HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi');
    expect(seen).toMatchObject({ url: '/x%zz', method: 'POST', body: 'hi' });
    expect(res).toMatchObject({ status: 201, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });

  it("shows Node's own answer to bytes its parser refuses", async () => {
    const res = await rawSocket(
      url,
      Buffer.concat([Buffer.from('GET /'), Buffer.from([0x00]), Buffer.from(' HTTP/1.1\r\nHost: t\r\n\r\n')]),
    );
    expect(res.status).toBe(400);
    expect(res.closed).toBe(true);
  });

  it('resolves with what arrived when the server says nothing before the timeout', async () => {
    const res = await rawSocket(url, 'GET /silent HTTP/1.1\r\nHost: t\r\n\r\n', { timeoutMs: 200 });
    expect(res).toMatchObject({ status: 0, raw: '', closed: false });
  });

  it('reads every answer to pipelined requests until the close', async () => {
    const get = (path: string, close = false) =>
      `GET ${path} HTTP/1.1\r\nHost: t\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
    const res = await rawSocket(url, get('/a') + get('/text', true), { untilClose: true });
    expect(res.responses.map((r) => [r.status, r.body])).toEqual([
      [201, '{"ok":true}'],
      [200, 'plain'],
    ]);
    expect(res).toMatchObject({ status: 201, closed: true, leftover: '' });
  });

  it('lets the server see a message cut short end there (half close)', async () => {
    const res = await rawSocket(url, 'POST /cut HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc', {
      halfClose: true,
    });
    expect(res.status).toBe(400);
    expect(res.closed).toBe(true);
  });

  it('judges what arrived when the server resets the connection mid-answer', async () => {
    const res = await rawSocket(url, 'GET /reset HTTP/1.1\r\nHost: t\r\n\r\n', { timeoutMs: 2000 });
    expect(res).toMatchObject({ status: 200, body: 'half', closed: true, responses: [] });
    expect(res.leftover).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});
