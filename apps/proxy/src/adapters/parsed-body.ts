import type { IncomingMessage } from 'node:http';
import { ProxyError } from '../errors/proxy-error.ts';
import type { BodyText } from '../pipeline/exchange.ts';

/** `IncomingMessage` once a host's body parser has run: what it made of the body. */
interface ParsedRequest extends IncomingMessage {
  body?: unknown;
}

/**
 * Whether something before the proxy has already read `req`'s body stream: a host app's body parser
 * (Express's `express.json()` registered before the proxy). The bytes are gone; {@link parsedBodyText}
 * reads what the parser left instead.
 */
export function bodyAlreadyRead(req: IncomingMessage): boolean {
  return req.readableDidRead || req.readableEnded;
}

/**
 * The body a host's body parser left on `req.body`, as text for the proxy's body checks: a string
 * or a `Buffer` as it is (`express.text()`, `express.raw()`), a parsed JSON value serialized again
 * (`express.json()`: `{}` stays `{}`, anything else stays something else and is refused the same).
 * Checked against `limit` after serializing: `Content-Length` has been checked before, and a
 * chunked body is at least as long as its serialization unless it carried whitespace.
 * A body read with nothing left on `req.body` cannot be checked: a 500, never a pass.
 *
 * @example
 * if (bodyAlreadyRead(req)) return parsedBodyText(req, 1024);
 */
export function parsedBodyText(req: IncomingMessage, limit: number): BodyText {
  const parsed = (req as ParsedRequest).body;
  const text =
    typeof parsed === 'string'
      ? parsed
      : Buffer.isBuffer(parsed)
        ? parsed.toString('utf8')
        : (JSON.stringify(parsed) as string | undefined);
  if (text === undefined) {
    throw new ProxyError('internal_server_error', {
      cause: new Error('the request body was read before the proxy, and req.body holds nothing to check'),
    });
  }
  return Buffer.byteLength(text) > limit ? 'too_large' : text;
}
