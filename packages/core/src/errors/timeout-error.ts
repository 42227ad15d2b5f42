import type { RetryRule } from '../client/retry-policy.ts';
import { hasErrorName } from './connected-apps-error.ts';
import { LocalError } from './local-error.ts';

/**
 * The server did not answer within the per-attempt `timeout` or the call's total time budget
 * (`retry.totalTimeout`). `status_code` is 0. A timed-out revoke may still have happened.
 * `retryable` only when the policy has `retryOnTimeout` (off by default).
 *
 * @example
 * if (isTimeoutError(e)) console.warn(e.message);
 */
export class TimeoutError extends LocalError {
  override readonly name = 'TimeoutError' as const;

  constructor(init: { request_id: string; error_message: string; retryPolicy?: RetryRule }) {
    super('TimeoutError', { ...init, error_type: 'timeout' });
  }

  static override isInstance(value: unknown): value is TimeoutError {
    return hasErrorName(value, 'TimeoutError');
  }
}

/** Type guard for {@link TimeoutError}. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return TimeoutError.isInstance(value);
}
