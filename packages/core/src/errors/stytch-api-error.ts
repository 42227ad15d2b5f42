import { DEFAULT_RETRY_POLICY, isRetryable, type RetryRule } from '../client/retry-policy.ts';
import { ConnectedAppsError, hasErrorName, type StytchErrorFields } from './connected-apps-error.ts';

/**
 * An error HTTP response from Stytch or the proxy, with every Stytch field as received.
 * `retryable` when `retryPolicy` retries its `status_code` (by default 429, 500, 502, 503, 504).
 *
 * @example
 * if (isStytchApiError(e) && e.error_type === 'connected_app_not_found') showAlreadyRevoked();
 */
export class StytchApiError extends ConnectedAppsError {
  override readonly name = 'StytchApiError' as const;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  declare readonly retryAfter?: number;

  constructor(
    init: StytchErrorFields & {
      retryAfter?: number | undefined;
      /** The policy whose decision `retryable` carries. @default DEFAULT_RETRY_POLICY */
      retryPolicy?: RetryRule;
    },
  ) {
    const { retryAfter, retryPolicy = DEFAULT_RETRY_POLICY, ...fields } = init;
    const retryable = isRetryable(retryPolicy, { name: 'StytchApiError', status_code: fields.status_code });
    super({ ...fields, retryable });
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }

  static override isInstance(value: unknown): value is StytchApiError {
    return hasErrorName(value, 'StytchApiError');
  }
}

/** Type guard for {@link StytchApiError}. */
export function isStytchApiError(value: unknown): value is StytchApiError {
  return StytchApiError.isInstance(value);
}
