import type { Exchange } from './exchange.ts';
import type { ProxyResponse } from './proxy-response.ts';

/**
 * One step of a route's checks: returns (or resolves) to let the request go on, throws a `ProxyError`
 * to refuse it. Synchronous when it can be, so a passing check costs no promise.
 */
export type Check = (exchange: Exchange) => void | Promise<void>;

/** What the pipeline does with the requests a route matches: its checks in order, then its answer. */
export interface Route {
  /** For the log: `/api/v1/users/:user_id/connected_apps`, never the raw URL; none for a miss. */
  readonly pattern: string | undefined;
  /** Under the base path, where CORS applies. */
  readonly cors: boolean;
  readonly checks: readonly Check[];
  readonly answer: (exchange: Exchange) => ProxyResponse | Promise<ProxyResponse>;
}
