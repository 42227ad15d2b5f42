import {
  isInvalidResponseError,
  isNetworkError,
  isStytchApiError,
  isTimeoutError,
  type StytchApiError,
} from '@connected-apps/core';
import type { ProxyErrorType } from '../errors/error-catalog.ts';

/**
 * How a failed call to Stytch is answered: Stytch's own error response passes through unchanged
 * (`passThrough`), and a failure with no usable response becomes one of the proxy's errors.
 */
export type UpstreamOutcome = { passThrough: StytchApiError } | { proxyError: ProxyErrorType };

/**
 * Maps an error thrown by `@connected-apps/core`'s client: `StytchApiError` → passed through;
 * `TimeoutError` → 504 `upstream_timeout`; `NetworkError` → 502 `upstream_unavailable`;
 * `InvalidResponseError` → 502 `upstream_invalid_response`; anything else → 500.
 */
export function classifyUpstreamError(error: unknown): UpstreamOutcome {
  if (isStytchApiError(error)) return { passThrough: error };
  if (isTimeoutError(error)) return { proxyError: 'upstream_timeout' };
  if (isNetworkError(error)) return { proxyError: 'upstream_unavailable' };
  if (isInvalidResponseError(error)) return { proxyError: 'upstream_invalid_response' };
  return { proxyError: 'internal_server_error' };
}
