import { ConnectedAppsError, isConnectedAppsError, localRequestId } from '@connected-apps/core';

/**
 * Core's clients only ever reject with a `ConnectedAppsError`; a hand-made client might not. The hooks
 * promise a typed error, so anything else is wrapped, Stytch-shaped, with the original as `cause`.
 */
export function toConnectedAppsError(error: unknown): ConnectedAppsError {
  if (isConnectedAppsError(error)) return error;
  return new ConnectedAppsError({
    status_code: 0,
    request_id: localRequestId(),
    error_type: 'unexpected_error',
    error_message:
      error instanceof Error ? error.message : 'The client failed with a value that is not an error.',
    error_url: 'https://www.npmjs.com/package/@connected-apps/react#errors',
    retryable: false,
    cause: error,
  });
}
