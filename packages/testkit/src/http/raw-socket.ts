import { connect } from 'node:net';

/** What came back on a raw socket: the bytes, and the first HTTP response in them, parsed. */
export interface RawSocketResponse {
  /** Everything read, as latin1 text (one character per byte). */
  raw: string;
  /** The status line's code; 0 when no status line arrived. */
  status: number;
  /** The status line's reason phrase, e.g. `Bad Request`. */
  statusText: string;
  /** Header names lower-cased; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  /** The body (UTF-8): cut at `content-length`, or de-chunked. */
  body: string;
  /** The server closed the connection (rather than the read ending at `timeoutMs`). */
  closed: boolean;
}

/** Options of {@link rawSocket}. */
export interface RawSocketOptions {
  /** Stop reading after this long, and resolve with what arrived. @default 5000 */
  timeoutMs?: number;
}

/**
 * Writes `bytes` to a TCP connection (node:net, nothing in between that could fix or refuse them) and
 * reads until the server closes, a whole response (by `content-length` or chunked framing) has arrived, or
 * `timeoutMs` passed. For what only an HTTP parser sees: a raw non-ASCII byte in the request line, a
 * broken frame, a lying `content-length`.
 *
 * @example
 * const res = await rawSocket(stack.url, Buffer.from('GET /api/\xff HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
 * expect(res.status).toBe(400);
 */
export function rawSocket(
  url: string,
  bytes: Uint8Array | string,
  options: RawSocketOptions = {},
): Promise<RawSocketResponse> {
  const { hostname, port } = new URL(url);
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => socket.write(bytes));
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      resolve(parseHttpResponse(Buffer.concat(chunks), closed));
    };
    const deadline = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (parseHttpResponse(Buffer.concat(chunks), false).complete) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(error);
    });
  });
}

/**
 * Parses the first HTTP/1.x response in `bytes`. Hand-written on purpose: an HTTP client library would
 * refuse or repair exactly the malformed answers these tests look for.
 */
export function parseHttpResponse(
  bytes: Buffer,
  closed: boolean,
): RawSocketResponse & { /** The whole body is there, by its framing. */ complete: boolean } {
  const raw = bytes.toString('latin1');
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd === -1 ? raw : raw.slice(0, headEnd);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const bodyBytes = headEnd === -1 ? Buffer.alloc(0) : bytes.subarray(headEnd + 4);
  const { body, complete } =
    headEnd === -1
      ? { body: Buffer.alloc(0), complete: false }
      : /\bchunked\b/i.test(headers['transfer-encoding'] ?? '')
        ? dechunk(bodyBytes)
        : cutAtLength(bodyBytes, headers['content-length']);
  return {
    raw,
    status: status ? Number(status[1]) : 0,
    statusText: status?.[2] ?? '',
    headers,
    body: body.toString('utf8'),
    closed,
    complete,
  };
}

function cutAtLength(bytes: Buffer, contentLength: string | undefined): { body: Buffer; complete: boolean } {
  const length = contentLength === undefined ? Number.NaN : Number(contentLength);
  if (!Number.isSafeInteger(length) || bytes.length < length) return { body: bytes, complete: false };
  return { body: bytes.subarray(0, length), complete: true };
}

/** `Transfer-Encoding: chunked` undone; complete once the last (empty) chunk arrived. */
function dechunk(bytes: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isSafeInteger(size)) break;
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    const start = lineEnd + 2;
    parts.push(bytes.subarray(start, Math.min(start + size, bytes.length)));
    if (start + size + 2 > bytes.length) break;
    at = start + size + 2;
  }
  return { body: Buffer.concat(parts), complete: false };
}
