import { ProxyError } from '../errors/proxy-error.ts';
import type { BodyText } from '../pipeline/exchange.ts';
import type { Check } from '../pipeline/route.ts';

/** Largest request body accepted: the only valid one is `{}`. */
export const MAX_BODY_BYTES = 1024;

/**
 * Body checks for revoke, whose Stytch request body is `{}`: at most {@link MAX_BODY_BYTES} (else 413
 * `payload_too_large`, by `Content-Length` or while reading a chunked body), either empty or
 * `application/json` (else 415 `unsupported_media_type`), and if present exactly an empty JSON object
 * (else 400 `bad_request`). The body is never forwarded: the proxy sends its own `{}`.
 *
 * @example
 * const checks = [pathParams, revokeBody, …];
 */
export const revokeBody: Check = function revokeBody({ request }) {
  if (!request.hasBody()) return;
  if (Number(request.header('content-length')) > MAX_BODY_BYTES) throw new ProxyError('payload_too_large');
  const mediaType = request.header('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ProxyError('unsupported_media_type');
  const text = request.readBody(MAX_BODY_BYTES);
  return text instanceof Promise ? text.then(checkBody) : checkBody(text);
};

function checkBody(text: BodyText): void {
  if (text === 'too_large') throw new ProxyError('payload_too_large');
  if (text.trim() === '') return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new ProxyError('bad_request', { message: 'The request body is not valid JSON.', cause });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length > 0) {
    throw new ProxyError('bad_request', { message: 'The revoke request body must be {} (or empty).' });
  }
}
