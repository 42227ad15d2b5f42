import { ConnectedAppsError, hasErrorName, type StytchErrorFields } from './connected-apps-error.ts';

/** Statuses worth another attempt: rate limited, or the server (or a gateway) failed. */
export const RETRYABLE_STATUS_CODES: readonly number[] = [429, 500, 502, 503, 504];

/**
 * An error HTTP response from Stytch or the proxy, with every Stytch field as received.
 *
 * @example
 * if (isStytchApiError(e) && e.error_type === 'connected_app_not_found') showAlreadyRevoked();
 */
export class StytchApiError extends ConnectedAppsError {
  override readonly name = 'StytchApiError' as const;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  declare readonly retryAfter?: number;

  constructor(init: StytchErrorFields & { retryAfter?: number | undefined }) {
    const { retryAfter, ...fields } = init;
    super({ ...fields, retryable: RETRYABLE_STATUS_CODES.includes(fields.status_code) });
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
