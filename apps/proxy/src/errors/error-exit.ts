import type { Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import { createErrorDescriber, type DescribeError } from './describe-error.ts';

/** Turns whatever ended a request early into its answer. */
export type ErrorExit = (exchange: Exchange, error: unknown) => ProxyResponse;

/**
 * The one way out for every refusal and failure, from the HTTP parser to Stytch: the error as
 * {@link createErrorDescriber} says it (a `ProxyError` → ours, Stytch's own answer unchanged, a call
 * without a usable answer → `upstream_*` / `shutting_down`, anything else → 500). Each answer carries
 * the security headers and `X-Request-Id` (through the responder), and the error type and cause the
 * request log records.
 *
 * @example
 * const exit = createErrorExit('https://example.com/errors.md', responder);
 * return exit(exchange, new ProxyError('session_required'));
 */
export function createErrorExit(
  errorDocsUrl: string,
  respond: Responder,
  describe: DescribeError = createErrorDescriber(errorDocsUrl),
): ErrorExit {
  return (exchange, error) => {
    const { status, body, headers, errorType, cause, stytchRequestId } = describe(exchange.requestId, error);
    return respond.json(exchange, status, JSON.stringify(body), {
      headers,
      errorType,
      cause,
      stytchRequestId,
    });
  };
}
