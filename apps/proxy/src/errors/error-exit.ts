import { isInvalidRequestError, isStytchApiError, type StytchErrorBody } from '@connected-apps/core';
import type { Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';
import { PROXY_ERRORS, type ProxyErrorType } from './error-catalog.ts';
import { ProxyError } from './proxy-error.ts';

/** Turns whatever ended a request early into its answer. */
export type ErrorExit = (exchange: Exchange, error: unknown) => ProxyResponse;

/**
 * The one way out for every refusal and failure, from the HTTP parser to Stytch:
 * - a {@link ProxyError} → our Stytch-shaped error (`status_code, request_id, error_type,
 *   error_message, error_url`), its status and headers (`Allow`, `Retry-After`);
 * - Stytch's own error answer (core's `StytchApiError`) → passed through unchanged, with
 *   `Retry-After` when Stytch sent one;
 * - a Stytch call without a usable answer → `upstream_timeout` / `upstream_unavailable` /
 *   `upstream_invalid_response` / `shutting_down`;
 * - anything else → 500 `internal_server_error`, its cause kept for the log.
 * Each answer carries the security headers and `X-Request-Id` (through the responder), and the
 * error type and cause the request log records.
 *
 * @example
 * const exit = createErrorExit('https://example.com/errors.md', responder);
 * return exit(exchange, new ProxyError('session_required'));
 */
export function createErrorExit(errorDocsUrl: string, respond: Responder): ErrorExit {
  const urls = new Map<string, string>();
  for (const type of Object.keys(PROXY_ERRORS)) urls.set(type, `${errorDocsUrl}#${type}`);

  const ours = (exchange: Exchange, type: ProxyErrorType, error?: ProxyError, cause?: unknown) => {
    const { status, message } = PROXY_ERRORS[type];
    const body: StytchErrorBody = {
      status_code: status,
      request_id: exchange.requestId,
      error_type: type,
      error_message: error?.publicMessage ?? message,
      error_url: urls.get(type) ?? errorDocsUrl,
    };
    return respond.json(exchange, status, JSON.stringify(body), {
      headers: error?.headers,
      errorType: type,
      cause: error ? error.cause : cause,
    });
  };

  return (exchange, error) => {
    if (error instanceof ProxyError) return ours(exchange, error.type, error);
    if (isStytchApiError(error)) {
      const retryAfter = error.retryAfter;
      return respond.json(exchange, error.status_code, JSON.stringify(error.toJSON()), {
        headers:
          retryAfter === undefined ? undefined : { 'retry-after': String(Math.ceil(retryAfter / 1000)) },
        errorType: error.error_type,
        stytchRequestId: error.request_id,
      });
    }
    // Core refuses a path parameter the proxy's own check let through only if the two rules differ.
    if (isInvalidRequestError(error)) return ours(exchange, 'bad_request', undefined, error);
    return ours(exchange, upstreamFailureType(error) ?? 'internal_server_error', undefined, error);
  };
}
