import { hasErrorName } from './connected-apps-error.ts';
import { LocalError } from './local-error.ts';

/**
 * Caught before anything was sent: a bad path parameter (empty, too long, control characters,
 * `.`/`..`, `/ \ ? # %`) or bad client options. `status_code` is 0; `error_details` names the
 * field. Never retryable: the same request would be refused again.
 *
 * @example
 * if (isInvalidRequestError(e)) form.setError(e.error_details.field, e.error_message);
 */
export class InvalidRequestError extends LocalError {
  override readonly name = 'InvalidRequestError' as const;
  declare readonly error_details: { field: string };

  constructor(init: { request_id: string; error_message: string; field: string }) {
    const { field, ...rest } = init;
    super('InvalidRequestError', { ...rest, error_type: 'invalid_request', error_details: { field } });
  }

  static override isInstance(value: unknown): value is InvalidRequestError {
    return hasErrorName(value, 'InvalidRequestError');
  }
}

/** Type guard for {@link InvalidRequestError}. */
export function isInvalidRequestError(value: unknown): value is InvalidRequestError {
  return InvalidRequestError.isInstance(value);
}
