import { isAbortError, isInvalidResponseError, isNetworkError, isTimeoutError } from '@connected-apps/core';
import type { ProxyErrorType } from '../errors/error-catalog.ts';

/**
 * The proxy's error for a Stytch call that got no usable answer, as `@connected-apps/core`'s client
 * reports it: `TimeoutError` → 504 `upstream_timeout`; `NetworkError` → 502 `upstream_unavailable`;
 * `InvalidResponseError` → 502 `upstream_invalid_response`; `AbortError` (only the shutdown aborts
 * calls) → 503 `shutting_down`. `undefined` for anything else, including Stytch's own error answers
 * (`StytchApiError`), which each caller treats in its own way.
 *
 * @example
 * upstreamFailureType(error) ?? 'internal_server_error';
 */
export function upstreamFailureType(error: unknown): ProxyErrorType | undefined {
  if (isTimeoutError(error)) return 'upstream_timeout';
  if (isNetworkError(error)) return 'upstream_unavailable';
  if (isInvalidResponseError(error)) return 'upstream_invalid_response';
  if (isAbortError(error)) return 'shutting_down';
  return undefined;
}
