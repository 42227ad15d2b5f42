import type { RetryRule } from '../client/retry-policy.ts';
import { hasErrorName } from './connected-apps-error.ts';
import { LocalError } from './local-error.ts';

/**
 * No response arrived: connection refused or reset, DNS failure, TLS failure, offline.
 * `status_code` is 0; `cause` holds the transport's error (stripped of request headers).
 * Retryable: nothing was decided on the other side.
 *
 * @example
 * if (isNetworkError(e)) retryLater();
 */
export class NetworkError extends LocalError {
  override readonly name = 'NetworkError' as const;

  constructor(init: { request_id: string; error_message: string; cause?: unknown; retryPolicy?: RetryRule }) {
    super('NetworkError', { ...init, error_type: 'network_error' });
  }

  static override isInstance(value: unknown): value is NetworkError {
    return hasErrorName(value, 'NetworkError');
  }
}

/** Type guard for {@link NetworkError}. */
export function isNetworkError(value: unknown): value is NetworkError {
  return NetworkError.isInstance(value);
}
