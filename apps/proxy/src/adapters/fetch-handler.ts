import type { RequestLog } from '../logging/request-log.ts';
import { startExchange } from '../pipeline/exchange.ts';
import type { Pipeline } from '../pipeline/run-pipeline.ts';
import { FetchRequestView } from './fetch-request-view.ts';

/** A web-standard handler: `export default { fetch }` on edge runtimes. */
export type FetchHandler = (request: Request, env?: unknown, executionCtx?: unknown) => Promise<Response>;

/**
 * The fetch adapter: runs the pipeline on a web `Request` and answers a `Response`. The request log
 * line is written when the `Response` is handed to the runtime: fetch runtimes do not say whether the
 * client received it.
 *
 * @example
 * const fetch = createFetchHandler(pipeline, createRequestLog(logger));
 * export default { fetch };
 */
export function createFetchHandler(pipeline: Pipeline, log: RequestLog): FetchHandler {
  return async (request, env) => {
    const exchange = startExchange(new FetchRequestView(request, env));
    const response = await pipeline(exchange);
    log(exchange, response, true);
    const noBody = request.method === 'HEAD' || response.status === 204;
    return new Response(noBody ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
}
