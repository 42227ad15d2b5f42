import { CLIENT_ERRORS_URL, ConnectedAppsError, hasErrorName } from './connected-apps-error.ts';

/**
 * Caught before anything was sent: a bad path parameter (empty, too long, control characters,
 * `.`/`..`) or bad client options. `status_code` is 0; `error_details` names the field.
 *
 * @example
 * if (isInvalidRequestError(e)) form.setError(e.error_details.field, e.error_message);
 */
export class InvalidRequestError extends ConnectedAppsError {
  override readonly name = 'InvalidRequestError' as const;
  declare readonly error_details: { field: string };

  constructor(init: { request_id: string; error_message: string; field: string }) {
    const { field, ...rest } = init;
    super({
      ...rest,
      status_code: 0,
      error_type: 'invalid_request',
      error_url: CLIENT_ERRORS_URL,
      error_details: { field },
      retryable: false,
    });
  }

  static override isInstance(value: unknown): value is InvalidRequestError {
    return hasErrorName(value, 'InvalidRequestError');
  }
}

/** Type guard for {@link InvalidRequestError}. */
export function isInvalidRequestError(value: unknown): value is InvalidRequestError {
  return InvalidRequestError.isInstance(value);
}
