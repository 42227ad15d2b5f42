import { InvalidRequestError } from '../errors/invalid-request-error.ts';
import { localRequestId } from './request-id.ts';

/** Throws the `InvalidRequestError` for a bad option (at client construction or per call). */
export function invalidOption(field: string, expected: string): never {
  throw new InvalidRequestError({
    request_id: localRequestId(),
    field,
    error_message: `${field} must be ${expected}.`,
  });
}

// setTimeout fires at once for anything larger, which would turn a long timeout into none.
const MAX_TIMER_MS = 2_147_483_647;

/** A timeout in ms: a positive number that timers can hold. */
export function checkTimeout(field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_MS)) {
    return invalidOption(field, `a number of milliseconds between 1 and ${MAX_TIMER_MS}`);
  }
  return value;
}
