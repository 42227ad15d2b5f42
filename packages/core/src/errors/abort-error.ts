import { hasErrorName } from './connected-apps-error.ts';
import { LocalError } from './local-error.ts';

/**
 * The caller's `AbortSignal` fired (before sending, mid-flight or during a retry wait).
 * `status_code` is 0; `cause` is the signal's reason when it is an error. Never retryable: the
 * caller asked to stop.
 *
 * @example
 * if (isAbortError(e)) return; // the user navigated away
 */
export class AbortError extends LocalError {
  override readonly name = 'AbortError' as const;

  constructor(init: { request_id: string; cause?: unknown }) {
    super('AbortError', {
      ...init,
      error_type: 'aborted',
      error_message: 'The request was aborted by the caller.',
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
