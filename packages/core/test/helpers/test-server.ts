import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  /** The raw request target, exactly as sent (no decoding or normalization). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest, index: number) => void;

export interface TestServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) that records every request and answers with `handler`
 * (called with the request's index, so a test can script "fail twice, then succeed").
 */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      requests.push(seen);
      handler(req, res, seen, requests.length - 1);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with JSON and the given status (and extra headers). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A Stytch-shaped error body like the seed's. */
export function stytchError(status_code: number, error_type: string, error_message: string) {
  return {
    status_code,
    request_id: `request-id-test-${crypto.randomUUID()}`,
    error_type,
    error_message,
    error_url: `https://stytch.com/docs/api/errors/${status_code}`,
  };
}

/** A Stytch-shaped success body. */
export function stytchOk(extra: Record<string, unknown> = {}) {
  return { request_id: `request-id-test-${crypto.randomUUID()}`, status_code: 200, ...extra };
}
