import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** A request sent exactly as given: the path is not normalized, so `..` and bad escapes reach the server. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client gives up (and the call rejects) after this long. @default 10000 */
  timeoutMs?: number;
}

/** What came back, with the time it took. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  durationMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends one HTTP request over node:http (not fetch, which would normalize the URL) and resolves
 * with the full response, or rejects if none arrives within the deadline.
 *
 * @example
 * const res = await rawRequest(proxy.url, { method: 'GET', path: '/api/v1/users/../x/connected_apps' });
 */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  // node:http frames a GET/DELETE body with neither Content-Length nor chunking; say how long it is.
  const headers =
    req.body === undefined
      ? req.headers
      : { 'content-length': String(Buffer.byteLength(req.body)), ...req.headers };
  const timeoutMs = req.timeoutMs ?? 10_000;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: performance.now() - started,
          });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no response within ${timeoutMs} ms: ${req.method} ${req.path}`));
    }, timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(req.body);
  });
}

/** Closes the keep-alive sockets of {@link rawRequest}, so a test file can end cleanly. */
export function closeRawRequestAgent(): void {
  agent.destroy();
}
