import { CLIENT_ERRORS_URL, ConnectedAppsError, hasErrorName } from './connected-apps-error.ts';

/**
 * The caller's `AbortSignal` fired (before sending, mid-flight or during a retry wait).
 * `status_code` is 0; `cause` is the signal's reason when it is an error.
 *
 * @example
 * if (isAbortError(e)) return; // the user navigated away
 */
export class AbortError extends ConnectedAppsError {
  override readonly name = 'AbortError' as const;

  constructor(init: { request_id: string; cause?: unknown }) {
    super({
      ...init,
      status_code: 0,
      error_type: 'aborted',
      error_message: 'The request was aborted by the caller.',
      error_url: CLIENT_ERRORS_URL,
      retryable: false,
    });
  }

  static override isInstance(value: unknown): value is AbortError {
    return hasErrorName(value, 'AbortError');
  }
}

/** Type guard for {@link AbortError}. */
export function isAbortError(value: unknown): value is AbortError {
  return AbortError.isInstance(value);
}
