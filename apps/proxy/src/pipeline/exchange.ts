import type { VerifiedSession } from '../session/verified-session.ts';
import type { Route } from './route.ts';

/** A request body as read by {@link RequestView.readBody}: its text, or `'too_large'` past the limit. */
export type BodyText = string | 'too_large';

/**
 * What the checks see of a request, the same on every runtime: the Node adapter reads it straight off
 * `IncomingMessage`, the fetch adapter off a web `Request`.
 */
export interface RequestView {
  readonly method: string;
  /**
   * The request target as the client sent it (`/api/v1/users/…?…`), dot segments and encodings
   * untouched. On fetch runtimes the platform has already normalized it.
   */
  readonly target: string;
  /** `'1.1'`, `'1.0'` (Node); `'1.1'` where the runtime does not say. */
  readonly httpVersion: string;
  /** The `Host` header (Node), or the URL's host (fetch runtimes, which do not expose the header). */
  readonly host: string | undefined;
  /** The socket peer's address, where the runtime has a socket. */
  readonly remoteAddress: string | undefined;
  /** A header by lower-case name; repeated headers come joined with `, `. */
  header(name: string): string | undefined;
  /** Whether the request declares a body (a non-zero `Content-Length`, or any `Transfer-Encoding`). */
  hasBody(): boolean;
  /** Reads the body as text, synchronously when it is already buffered; `'too_large'` past `limit` bytes. */
  readBody(limit: number): BodyText | Promise<BodyText>;
}

/**
 * One request on its way through the pipeline: the request, our id for it, and what routing and the
 * checks have established (route, parameters, caller). Checks refuse by throwing, never by writing
 * here; the request log reads it once, together with the answer (see `logging/request-log.ts`).
 */
export interface Exchange {
  readonly request: RequestView;
  /** Our id for the request: the `X-Request-Id` header and the `request_id` of our own errors. */
  readonly requestId: string;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Set once routing has matched. */
  route: Route | undefined;
  /** The route's decoded path parameters (`user_id`, `connected_app_id`), not yet checked. */
  params: Readonly<Record<string, string>>;
  /** Set once the session check has verified the caller. */
  session: VerifiedSession | undefined;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Starts an exchange for a request.
 *
 * @example
 * const exchange = startExchange(view);
 */
export function startExchange(request: RequestView): Exchange {
  return {
    request,
    requestId: crypto.randomUUID(),
    startedAt: performance.now(),
    route: undefined,
    params: NO_PARAMS,
    session: undefined,
  };
}

/**
 * The path parameters a route names, once its checks have passed: each one there, checked (and made
 * canonical where a check does so).
 *
 * @example
 * const { user_id, connected_app_id } = checkedParams<'user_id' | 'connected_app_id'>(exchange);
 */
export function checkedParams<Name extends string>(exchange: Exchange): Readonly<Record<Name, string>> {
  return exchange.params as Record<Name, string>;
}
