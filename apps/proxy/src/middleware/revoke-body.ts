import type { Guard } from '../app/guard.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import { readBody } from './read-body.ts';

/** Largest request body accepted: the only valid one is `{}`. */
export const MAX_BODY_BYTES = 1024;

/**
 * Body checks for revoke, whose Stytch request body is `{}`: at most {@link MAX_BODY_BYTES} (else 413),
 * either empty or `application/json` (else 415), and if present exactly an empty JSON object (else 400).
 * The body is never forwarded: the proxy sends its own `{}`.
 *
 * @example
 * guarded([pathParams(respondError), revokeBody(respondError), …], forward.revoke);
 */
export function revokeBody(respondError: ErrorResponder): Guard {
  return function revokeBody(c) {
    const length = c.req.header('content-length');
    if (length === '0') return undefined;
    // Without either framing header a Node request has no body; other runtimes may just omit the length.
    if (length === undefined && c.req.header('transfer-encoding') === undefined && c.req.raw.body === null)
      return undefined;
    if (Number(length) > MAX_BODY_BYTES) return respondError(c, 'payload_too_large');
    const mediaType = c.req.header('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') return respondError(c, 'unsupported_media_type');
    const text = readBody(c.req.raw, c.env?.incoming, MAX_BODY_BYTES);
    return text instanceof Promise
      ? text.then((read) => checkBody(c, read, respondError))
      : checkBody(c, text, respondError);
  };
}

function checkBody(
  c: Parameters<Guard>[0],
  text: string,
  respondError: ErrorResponder,
): Response | undefined {
  if (text === 'too_large') return respondError(c, 'payload_too_large');
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return respondError(c, 'bad_request', { message: 'The request body is not valid JSON.' });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length > 0) {
    return respondError(c, 'bad_request', { message: 'The revoke request body must be {} (or empty).' });
  }
  return undefined;
}
