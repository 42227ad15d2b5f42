import { CLIENT_ERRORS_URL, ConnectedAppsError, hasErrorName } from './connected-apps-error.ts';

/**
 * The server did not answer within the per-attempt `timeout` or the call's total time budget
 * (`retry.totalTimeout`). `status_code` is 0. A timed-out revoke may still have happened.
 *
 * @example
 * if (isTimeoutError(e)) console.warn(e.message);
 */
export class TimeoutError extends ConnectedAppsError {
  override readonly name = 'TimeoutError' as const;

  constructor(init: { request_id: string; error_message: string }) {
    super({ ...init, status_code: 0, error_type: 'timeout', error_url: CLIENT_ERRORS_URL, retryable: true });
  }

  static override isInstance(value: unknown): value is TimeoutError {
    return hasErrorName(value, 'TimeoutError');
  }
}

/** Type guard for {@link TimeoutError}. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return TimeoutError.isInstance(value);
}
