import { isInvalidRequestError, isStytchApiError, type StytchErrorBody } from '@connected-apps/core';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';
import { PROXY_ERRORS, type ProxyErrorType } from './error-catalog.ts';
import { ProxyError } from './proxy-error.ts';

/** An error as the proxy says it: the Stytch-shaped body, its status, and what the log records. */
export interface DescribedError {
  status: number;
  body: StytchErrorBody;
  headers: Readonly<Record<string, string>> | undefined;
  errorType: string;
  cause: unknown;
  /** Stytch's `request_id`, when the error is Stytch's own answer. */
  stytchRequestId: string | undefined;
}

/** Describes whatever ended a call, with `request_id` the proxy's id for the request when the error is ours. */
export type DescribeError = (requestId: string, error: unknown) => DescribedError;

/**
 * The one mapping from a failure to its Stytch-shaped body, shared by the error exit (a whole
 * request's answer) and revoke-all (each app's outcome):
 * - a {@link ProxyError} → our error (`status_code, request_id, error_type, error_message,
 *   error_url`), its status and headers (`Allow`, `Retry-After`);
 * - Stytch's own error answer (core's `StytchApiError`) → unchanged, with `Retry-After` when sent;
 * - a Stytch call without a usable answer → `upstream_timeout` / `upstream_unavailable` /
 *   `upstream_invalid_response` / `shutting_down`;
 * - anything else → 500 `internal_server_error`, its cause kept for the log.
 *
 * @example
 * const describe = createErrorDescriber('https://example.com/errors.md');
 * describe(exchange.requestId, new ProxyError('session_required')).body.error_type; // 'session_required'
 */
export function createErrorDescriber(errorDocsUrl: string): DescribeError {
  const urls = new Map<string, string>();
  for (const type of Object.keys(PROXY_ERRORS)) urls.set(type, `${errorDocsUrl}#${type}`);

  const ours = (requestId: string, type: ProxyErrorType, error?: ProxyError, cause?: unknown) => {
    const { status, message } = PROXY_ERRORS[type];
    return {
      status,
      body: {
        status_code: status,
        request_id: requestId,
        error_type: type,
        error_message: error?.publicMessage ?? message,
        error_url: urls.get(type) ?? errorDocsUrl,
      },
      headers: error?.headers,
      errorType: type,
      cause: error ? error.cause : cause,
      stytchRequestId: undefined,
    };
  };

  return (requestId, error) => {
    if (error instanceof ProxyError) return ours(requestId, error.type, error);
    if (isStytchApiError(error)) {
      const retryAfter = error.retryAfter;
      return {
        status: error.status_code,
        body: error.toJSON(),
        headers:
          retryAfter === undefined ? undefined : { 'retry-after': String(Math.ceil(retryAfter / 1000)) },
        errorType: error.error_type,
        cause: undefined,
        stytchRequestId: error.request_id,
      };
    }
    // Core refuses a path parameter the proxy's own check let through only if the two rules differ.
    if (isInvalidRequestError(error)) return ours(requestId, 'bad_request', undefined, error);
    return ours(requestId, upstreamFailureType(error) ?? 'internal_server_error', undefined, error);
  };
}
