import type { ErrorExit } from '../errors/error-exit.ts';
import type { Exchange, RequestView } from './exchange.ts';
import type { ProxyResponse } from './proxy-response.ts';
import type { Check } from './route.ts';
import type { RouteMatch } from './router.ts';

/** Everything the runner needs, assembled once per app (see `app/assemble-proxy.ts`). */
export interface PipelineParts {
  /** The path to route on, or a `ProxyError` for a request line that must not be routed. */
  readPath: (request: RequestView) => string;
  route: (method: string, path: string, hasOrigin: boolean) => RouteMatch;
  exit: ErrorExit;
}

/** Answers a request; never rejects: every failure becomes its answer through the error exit. */
export type Pipeline = (exchange: Exchange) => ProxyResponse | Promise<ProxyResponse>;

/**
 * The one request pipeline, shared by the Node and fetch adapters: the request line, the route, the
 * route's checks in order, then its answer. Everything that is refused or fails — a thrown
 * `ProxyError`, a core error from a Stytch call, a bug — leaves through `exit`.
 *
 * The fast path is synchronous: as long as each check returns without a promise (a cached session,
 * an in-memory rate limit), a request reaches its answer without awaiting anything.
 *
 * @example
 * const pipeline = createPipeline({ readPath, route, exit });
 * const response = await pipeline(startExchange(view));
 */
export function createPipeline(parts: PipelineParts): Pipeline {
  const { readPath, route, exit } = parts;
  return (exchange) => {
    try {
      const { request } = exchange;
      const matched = route(request.method, readPath(request), request.header('origin') !== undefined);
      exchange.route = matched.route;
      exchange.params = matched.params;
      const { checks, answer } = matched.route;
      const pending = runChecks(exchange, checks, 0);
      const response = pending === undefined ? answer(exchange) : pending.then(() => answer(exchange));
      return response instanceof Promise
        ? response.catch((error: unknown) => exit(exchange, error))
        : response;
    } catch (error) {
      return exit(exchange, error);
    }
  };
}

/** Runs `checks` from `from` on; continues asynchronously only after a check that returned a promise. */
function runChecks(exchange: Exchange, checks: readonly Check[], from: number): void | Promise<void> {
  for (let i = from; i < checks.length; i++) {
    const pending = (checks[i] as Check)(exchange);
    if (pending !== undefined) return pending.then(() => runChecks(exchange, checks, i + 1));
  }
}
