import type { Logger } from 'pino';
import type { Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';

/** Writes the one log line of a request, once its fate is known. */
export type RequestLog = (exchange: Exchange, response: ProxyResponse, delivered: boolean) => void;

/**
 * The request log: one JSON line per request, written by the adapter when the answer has been handed
 * to the client (or could not be), with everything known by then — our request id and Stytch's,
 * method, route pattern (never the raw URL, never headers), status, duration, the caller's user id
 * (on the B2B routes, the member's id and organization id), and for a failure its error type and cause.
 *
 * An answer the client never received (it went away, or the shutdown cut the connection) is logged as
 * `status: 0`, `error_type: 'client_gone'`, with the status it would have had as `undelivered_status`.
 * 5xx lines are at level `error`, undelivered ones at `warn`, the rest at `info`.
 *
 * @example
 * const log = createRequestLog(logger);
 * log(exchange, response, true);
 */
export function createRequestLog(logger: Logger): RequestLog {
  return (exchange, response, delivered) => {
    const { request, route, session } = exchange;
    const line = {
      request_id: exchange.requestId,
      stytch_request_id: response.stytchRequestId,
      method: request.method || undefined,
      route: route?.pattern,
      status: delivered ? response.status : 0,
      undelivered_status: delivered ? undefined : response.status,
      duration_ms: Math.round((performance.now() - exchange.startedAt) * 100) / 100,
      user_id: session?.user_id,
      // B2B: `user_id` is the member id; its organization says whose member.
      organization_id: session?.organization?.organization_id,
      error_type: delivered ? response.errorType : 'client_gone',
      cause: describeCause(response.cause),
    };
    if (!delivered) logger.warn(line, 'request not delivered');
    else if (response.status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}

/** Name and message only: never a whole error object, which could carry a request or its headers. */
export function describeCause(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
