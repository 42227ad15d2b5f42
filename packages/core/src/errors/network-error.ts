import { CLIENT_ERRORS_URL, ConnectedAppsError, hasErrorName } from './connected-apps-error.ts';

/**
 * No response arrived: connection refused or reset, DNS failure, TLS failure, offline.
 * `status_code` is 0; `cause` holds the transport's error (stripped of request headers).
 *
 * @example
 * if (isNetworkError(e)) retryLater();
 */
export class NetworkError extends ConnectedAppsError {
  override readonly name = 'NetworkError' as const;

  constructor(init: { request_id: string; error_message: string; cause?: unknown }) {
    super({
      ...init,
      status_code: 0,
      error_type: 'network_error',
      error_url: CLIENT_ERRORS_URL,
      retryable: true,
    });
  }

  static override isInstance(value: unknown): value is NetworkError {
    return hasErrorName(value, 'NetworkError');
  }
}

/** Type guard for {@link NetworkError}. */
export function isNetworkError(value: unknown): value is NetworkError {
  return NetworkError.isInstance(value);
}
