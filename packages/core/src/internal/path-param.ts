import { InvalidRequestError } from '../errors/invalid-request-error.ts';

/** Stytch ids are ~60 characters and an `external_id` is short; anything longer is a mistake or an attack. */
export const MAX_PATH_PARAM_LENGTH = 256;

// Unicode "Cc": C0 controls, DEL and C1 controls. Never legitimate in an id, and dangerous in logs and headers.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Validates one path parameter and percent-encodes it, so that no value can change the path:
 * `encodeURIComponent` encodes `/ ? # %` and spaces, and `.`/`..` (which it leaves alone and URL
 * parsers would resolve as dot segments) are rejected.
 */
export function encodePathParam(field: string, value: unknown, request_id: string): string {
  const reject = (problem: string): never => {
    throw new InvalidRequestError({ request_id, field, error_message: `${field} ${problem}.` });
  };
  if (typeof value !== 'string') return reject('must be a string');
  if (value.length === 0) return reject('must not be empty');
  if (value.length > MAX_PATH_PARAM_LENGTH)
    return reject(`must be at most ${MAX_PATH_PARAM_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(value)) return reject('must not contain control characters');
  if (value === '.' || value === '..') return reject('must not be "." or ".."');
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone UTF-16 surrogate cannot be encoded as UTF-8.
    return reject('must be well-formed Unicode');
  }
}
