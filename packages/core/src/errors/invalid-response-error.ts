import { DEFAULT_RETRY_POLICY, isRetryable, type RetryRule } from '../client/retry-policy.ts';
import { CLIENT_ERRORS_URL, ConnectedAppsError, hasErrorName } from './connected-apps-error.ts';

/** What an unusable response looked like, to debug it without logging the whole body. */
export interface InvalidResponseDetails {
  content_type: string | null;
  /** The first characters of the body (secrets redacted). */
  body_snippet: string;
}

/**
 * A response we cannot use: not JSON (e.g. a gateway's HTML 502 page), or JSON of the wrong shape.
 * `status_code` is the response's HTTP status; `retryable` when `retryPolicy` retries that status
 * (by default 429, 500, 502, 503, 504: a gateway's HTML 502 is retried like any 502).
 *
 * @example
 * if (isInvalidResponseError(e)) console.error(e.status_code, e.error_details.body_snippet);
 */
export class InvalidResponseError extends ConnectedAppsError {
  override readonly name = 'InvalidResponseError' as const;
  declare readonly error_details: InvalidResponseDetails;

  constructor(init: {
    status_code: number;
    request_id: string;
    error_message: string;
    error_details: InvalidResponseDetails;
    /** The policy whose decision `retryable` carries. @default DEFAULT_RETRY_POLICY */
    retryPolicy?: RetryRule;
  }) {
    const { retryPolicy = DEFAULT_RETRY_POLICY, ...fields } = init;
    const retryable = isRetryable(retryPolicy, {
      name: 'InvalidResponseError',
      status_code: fields.status_code,
    });
    super({ ...fields, error_type: 'invalid_response', error_url: CLIENT_ERRORS_URL, retryable });
  }

  static override isInstance(value: unknown): value is InvalidResponseError {
    return hasErrorName(value, 'InvalidResponseError');
  }
}

/** Type guard for {@link InvalidResponseError}. */
export function isInvalidResponseError(value: unknown): value is InvalidResponseError {
  return InvalidResponseError.isInstance(value);
}
