import { routePattern } from '@connected-apps/core/wire';
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

/** A route the router's `api` lists: a Stytch path template under the base path and what serves it. */
export interface ApiRoute {
  /** `/api/v1/users/{user_id}/connected_apps` */
  readonly template: string;
  readonly route: Route;
}

/**
 * The API route for `template` under `basePath`: CORS applies, and the log names it by its pattern.
 *
 * @example
 * apiRoute('/api', STYTCH_ROUTES.usersRevoke.template, checks, forward.revoke);
 */
export function apiRoute(
  basePath: string,
  template: string,
  checks: readonly Check[],
  answer: Route['answer'],
): ApiRoute {
  return {
    template: `${basePath}${template}`,
    route: { pattern: `${basePath}${routePattern(template)}`, cors: true, checks, answer },
  };
}
