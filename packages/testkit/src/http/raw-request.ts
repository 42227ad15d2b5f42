import { type Agent, type IncomingHttpHeaders, request } from 'node:http';

/** A response read in full: status, headers, the body as text and, when it is JSON, parsed. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body parsed as a JSON object; `{}` when it is not one. */
  body: Record<string, unknown>;
  /** The body as sent. */
  text: string;
  /** From sending the request to the last byte of the answer. */
  durationMs: number;
}

/** Options of {@link rawRequest}. */
export interface RawRequestOptions {
  /** Gives up (and rejects) when no full answer came by then. @default 10000 */
  timeoutMs?: number;
  /** A keep-alive agent for many requests; the caller destroys it. @default a new connection, closed after */
  agent?: Agent;
}

/**
 * Sends one request over `node:http` with the path exactly as given: fetch would resolve `..` and
 * `%2e%2e` itself, and a test must show what the server does with them. Resolves with the whole
 * answer, rejects on a connection error or after `timeoutMs`.
 *
 * @example
 * const res = await rawRequest(stack.url, 'GET', '/api/v1/users/../admin/connected_apps', bearer(jwt));
 * expect(res.status).toBe(400);
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;
  // node:http frames a GET or DELETE body with neither Content-Length nor chunking: say how long it
  // is, unless the test sets the header itself (to lie about it, say).
  const sent =
    body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: hostname.replace(/^\[|\]$/g, ''),
        port,
        method,
        path,
        headers: sent,
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(deadline);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: parseObject(text),
            text,
            durationMs: performance.now() - started,
          });
        });
      },
    );
    // A deadline for the whole exchange, not an idle timeout: a server that trickles bytes still ends.
    const deadline = setTimeout(() => {
      outgoing.destroy(new Error(`no full answer within ${timeoutMs} ms: ${method} ${path}`));
    }, timeoutMs);
    function fail(error: Error): void {
      clearTimeout(deadline);
      reject(error);
    }
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
