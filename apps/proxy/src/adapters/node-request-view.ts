import type { IncomingMessage } from 'node:http';
import { ProxyError } from '../errors/proxy-error.ts';
import type { BodyText, RequestView } from '../pipeline/exchange.ts';
import { bodyAlreadyRead, parsedBodyText } from './parsed-body.ts';

/** `IncomingMessage` inside a Connect-style router (Express): `url` loses the mount path, `originalUrl` keeps it. */
interface MountedRequest extends IncomingMessage {
  originalUrl?: unknown;
}

/**
 * A {@link RequestView} straight on Node's `IncomingMessage`: no web `Request`, `Headers` or stream is
 * built, which on the proxy's hot path was a measurable share of each request's CPU.
 *
 * @example
 * const view = new NodeRequestView(req);
 */
export class NodeRequestView implements RequestView {
  readonly method: string;
  readonly target: string;
  readonly httpVersion: string;
  readonly #req: IncomingMessage;

  constructor(req: IncomingMessage) {
    this.#req = req;
    this.method = req.method ?? '';
    // Mounted under a prefix (`app.use('/api', proxy.node)`), the target as sent is `originalUrl`.
    const { originalUrl } = req as MountedRequest;
    this.target = typeof originalUrl === 'string' ? originalUrl : (req.url ?? '');
    this.httpVersion = req.httpVersion;
  }

  get host(): string | undefined {
    return this.#req.headers.host;
  }

  get remoteAddress(): string | undefined {
    return this.#req.socket.remoteAddress;
  }

  header(name: string): string | undefined {
    const value = this.#req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  hasBody(): boolean {
    const { headers } = this.#req;
    const length = headers['content-length'];
    // Node's parser has already refused a request with both framings, or with a malformed length.
    return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  }

  readBody(limit: number): BodyText | Promise<BodyText> {
    return readNodeBody(this.#req, limit);
  }
}

/**
 * Reads at most `limit` bytes of the body; `'too_large'` as soon as it is known to be bigger, the rest
 * then left for Node to drain or drop after the answer.
 *
 * Node emits `request` when the headers are parsed, and parses the rest of the packet only after
 * the listener, its promises and ticks have run. By the next `setImmediate` a small body that came
 * with the headers is parsed and buffered (`req.complete`): it is then read in one go. Measured on a
 * bare `node:http` server answering a POST of `{}`, that halves the CPU per request compared with
 * switching the stream to flowing mode and waiting for `end`. A body still on its way is read from
 * events; one a host's body parser has already read (the proxy mounted after `express.json()`) is
 * taken from what the parser left on `req.body`.
 */
function readNodeBody(req: IncomingMessage, limit: number): BodyText | Promise<BodyText> {
  const expected = req.headers['content-length'] === undefined ? -1 : Number(req.headers['content-length']);
  if (expected > limit) return 'too_large';
  if (bodyAlreadyRead(req)) return parsedBodyText(req, limit);
  if (req.complete) return readBuffered(req, limit);
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      if (req.complete) resolve(readBuffered(req, limit));
      else readArriving(req, limit).then(resolve, reject);
    }),
  );
}

function readBuffered(req: IncomingMessage, limit: number): BodyText {
  const chunks: Buffer[] = [];
  let size = 0;
  for (let chunk: Buffer | null = req.read(); chunk !== null; chunk = req.read()) {
    size += chunk.byteLength;
    if (size > limit) return 'too_large';
    chunks.push(chunk);
  }
  return text(chunks, size);
}

function text(chunks: Buffer[], size: number): string {
  return chunks.length === 1
    ? (chunks[0] as Buffer).toString('utf8')
    : Buffer.concat(chunks, size).toString('utf8');
}

/** Refusals of the HTTP parser in the middle of a body, for the read of that body (see {@link failBody}). */
const bodyFailures = new WeakMap<IncomingMessage, ProxyError>();
const bodyReads = new WeakMap<IncomingMessage, (error: ProxyError) => void>();

/**
 * Ends the read of `req`'s body with `error`: HTTP's parser refused the bytes of that body (broken
 * chunked framing, a stream that ended before `Content-Length`), so the pipeline answers the request
 * with the refusal. A read that has not started yet fails as it starts.
 *
 * @example
 * if (!res.req.complete) failBody(res.req, new ProxyError('bad_request', { cause }));
 */
export function failBody(req: IncomingMessage, error: ProxyError): void {
  const read = bodyReads.get(req);
  if (read === undefined) bodyFailures.set(req, error);
  else read(error);
}

function readArriving(req: IncomingMessage, limit: number): Promise<BodyText> {
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve, reject) => {
    const refused = bodyFailures.get(req);
    if (refused !== undefined) return reject(refused);
    const done = () => {
      bodyReads.delete(req);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      done();
      req.resume();
      resolve('too_large');
    };
    const onEnd = () => {
      done();
      resolve(text(chunks, size));
    };
    // The caller went away mid-body (Node reports it as an `aborted` error): the answer will find
    // no one, and the log says so.
    const onError = (cause: Error) => {
      done();
      reject(new ProxyError('bad_request', { cause }));
    };
    if (req.destroyed) return onError(new Error('the request was destroyed before its body was read'));
    bodyReads.set(req, (error) => {
      done();
      reject(error);
    });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
