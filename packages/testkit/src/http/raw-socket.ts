import { connect } from 'node:net';

/** One HTTP/1.x response, parsed from raw bytes. */
export interface HttpResponse {
  /** The status line's code; 0 when no status line arrived. */
  status: number;
  /** The status line's reason phrase, e.g. `Bad Request`. */
  statusText: string;
  /** Header names lower-cased; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  /** The body (UTF-8): cut at `content-length`, de-chunked, or up to the close. */
  body: string;
}

/** What came back on a raw socket: the first response (spread), every whole one, and the bytes. */
export interface RawSocketResponse extends HttpResponse {
  /** Every whole response, in order (several when the bytes held several requests). */
  responses: HttpResponse[];
  /** Bytes after the last whole response (a truncated or unframed one), as latin1 text. */
  leftover: string;
  /** Everything read, as latin1 text (one character per byte). */
  raw: string;
  /** The server closed (or reset) the connection; false when the read ended on a whole response or at `timeoutMs`. */
  closed: boolean;
  durationMs: number;
}

/** Options of {@link rawSocket}. */
export interface RawSocketOptions {
  /** Stop reading after this long, and resolve with what arrived. @default 5000 */
  timeoutMs?: number;
  /** End the write side after sending, so the server sees a message cut short end there. @default false */
  halfClose?: boolean;
  /** Keep reading after a whole response, until the server closes or `timeoutMs`. @default false */
  untilClose?: boolean;
}

/**
 * Writes `bytes` to a TCP connection (node:net, nothing in between that could fix or refuse them) and
 * reads until the server closes, a whole response (by `content-length` or chunked framing) has arrived
 * (unless `untilClose`), or `timeoutMs` passed. For what only an HTTP parser sees: a raw non-ASCII byte
 * in the request line, a broken frame, a lying `content-length`, pipelined requests.
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
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => {
      socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
      if (options.halfClose) socket.end();
    });
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      const all = Buffer.concat(chunks);
      const { responses, leftover } = parseHttpResponses(all, closed);
      const first = responses[0] ?? parseHttpResponse(all, closed);
      resolve({
        status: first.status,
        statusText: first.statusText,
        headers: first.headers,
        body: first.body,
        responses,
        leftover,
        raw: all.toString('latin1'),
        closed,
        durationMs: performance.now() - started,
      });
    };
    const deadline = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!options.untilClose && parseHttpResponse(Buffer.concat(chunks), false).complete) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error) => {
      // A reset after the answer still ended the exchange: judge what arrived. Nothing at all is an error.
      if (chunks.length > 0) return finish(true);
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(error);
    });
  });
}

/** A parsed response, with the raw bytes, whether it is whole, and where it ends in `bytes`. */
type Framed = HttpResponse & { raw: string; closed: boolean; complete: boolean; end: number };

/**
 * Parses the first HTTP/1.x response in `bytes`. Hand-written on purpose: an HTTP client library would
 * refuse or repair exactly the malformed answers these tests look for. `closed` says the connection
 * ended after `bytes`, which completes a response framed by the close alone.
 */
export function parseHttpResponse(
  bytes: Buffer,
  closed: boolean,
): HttpResponse & {
  raw: string;
  closed: boolean /** The whole body is there, by its framing. */;
  complete: boolean;
} {
  const { end: _end, ...response } = frame(bytes, closed);
  return response;
}

/**
 * Every whole response in `bytes`, in order, and the bytes left after them.
 *
 * @example
 * const { responses } = parseHttpResponses(Buffer.from(raw, 'latin1'), true);
 */
export function parseHttpResponses(
  bytes: Buffer,
  closed: boolean,
): { responses: HttpResponse[]; leftover: string } {
  const responses: HttpResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const { complete, end, status, statusText, headers, body } = frame(bytes.subarray(at), closed);
    if (!complete || end === 0) break;
    responses.push({ status, statusText, headers, body });
    at += end;
  }
  return { responses, leftover: bytes.subarray(at).toString('latin1') };
}

function frame(bytes: Buffer, closed: boolean): Framed {
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
  const parsed = {
    raw,
    status: status ? Number(status[1]) : 0,
    statusText: status?.[2] ?? '',
    headers,
    closed,
  };
  if (headEnd === -1) return { ...parsed, body: '', complete: false, end: 0 };
  const bodyStart = headEnd + 4;
  const { body, complete, length } = /\bchunked\b/i.test(headers['transfer-encoding'] ?? '')
    ? dechunk(bytes.subarray(bodyStart))
    : headers['content-length'] !== undefined
      ? cutAtLength(bytes.subarray(bodyStart), headers['content-length'])
      : // Neither framing: the body runs to the close (RFC 9112 §6.3).
        { body: bytes.subarray(bodyStart), complete: closed, length: bytes.length - bodyStart };
  return { ...parsed, body: body.toString('utf8'), complete, end: bodyStart + length };
}

function cutAtLength(
  bytes: Buffer,
  contentLength: string,
): { body: Buffer; complete: boolean; length: number } {
  const length = /^\d+$/.test(contentLength.trim()) ? Number(contentLength) : Number.NaN;
  if (!Number.isSafeInteger(length) || bytes.length < length) {
    return { body: bytes, complete: false, length: bytes.length };
  }
  return { body: bytes.subarray(0, length), complete: true, length };
}

/** `Transfer-Encoding: chunked` undone; complete once the last (empty) chunk and its CRLF arrived. */
function dechunk(bytes: Buffer): { body: Buffer; complete: boolean; length: number } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isSafeInteger(size)) break;
    const start = lineEnd + 2;
    if (size === 0) {
      // No trailers in what these tests meet: the last chunk is `0\r\n\r\n`.
      const complete = bytes.length >= start + 2;
      return { body: Buffer.concat(parts), complete, length: Math.min(start + 2, bytes.length) };
    }
    parts.push(bytes.subarray(start, Math.min(start + size, bytes.length)));
    if (start + size + 2 > bytes.length) break;
    at = start + size + 2;
  }
  return { body: Buffer.concat(parts), complete: false, length: bytes.length };
}
