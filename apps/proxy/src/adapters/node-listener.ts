import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLog } from '../logging/request-log.ts';
import { startExchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Route } from '../pipeline/route.ts';
import type { Pipeline } from '../pipeline/run-pipeline.ts';
import { NodeRequestView } from './node-request-view.ts';

/**
 * The proxy as a Node request handler: a `node:http` listener, and Connect-style middleware
 * (Express's `app.use('/api', handler)`), whose `next` takes the paths that are not the proxy's.
 */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** A {@link NodeHandler}, and the switch the graceful stop of its server uses. */
export interface NodeListener extends NodeHandler {
  /** From now on every answer closes its connection (`Connection: close`): the server is stopping. */
  drain(): void;
}

/**
 * The Node adapter: runs the pipeline on `IncomingMessage` and writes each answer with one
 * `res.writeHead(status, headers)` and one `res.end(body)`. The request log line is written when the
 * response closes, so it says whether the client actually got the answer. Given a `next` (mounted in a
 * host app), a request that routing sends to `outside` (neither a probe nor under the base path) is
 * handed to `next` instead of answered 404.
 *
 * @example
 * const listener = createNodeListener(pipeline, createRequestLog(logger));
 * createServer(listener).listen(8787);
 */
export function createNodeListener(pipeline: Pipeline, log: RequestLog, outside?: Route): NodeListener {
  let draining = false;
  const listener: NodeHandler = (req, res, next) => {
    const exchange = startExchange(new NodeRequestView(req));
    const response = pipeline(exchange);
    // Routing is synchronous, so the route is known here; the 404 made for it is dropped.
    if (next !== undefined && outside !== undefined && exchange.route === outside) return next();
    let answered: ProxyResponse | undefined;
    let closed = false;
    res.once('close', () => {
      closed = true;
      if (answered !== undefined) log(exchange, answered, res.writableFinished);
    });
    const send = (response: ProxyResponse) => {
      answered = response;
      if (closed) return log(exchange, response, false);
      try {
        res.writeHead(
          response.status,
          draining ? { ...response.headers, connection: 'close' } : response.headers,
        );
        res.end(response.body);
      } catch {
        // Only a bug can make Node refuse our own headers: drop the connection rather than crash.
        res.destroy();
      }
    };
    // The pipeline answers every failure itself; only a failure of the error exit could reject, and
    // then the connection is dropped rather than left hanging.
    if (response instanceof Promise) response.then(send, () => res.destroy());
    else send(response);
  };
  return Object.assign(listener, {
    drain: () => {
      draining = true;
    },
  });
}
