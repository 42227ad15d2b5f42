import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLog } from '../logging/request-log.ts';
import { startExchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Pipeline } from '../pipeline/run-pipeline.ts';
import { NodeRequestView } from './node-request-view.ts';

/** A `node:http` request listener for the proxy, and the switch its graceful stop uses. */
export interface NodeListener {
  (req: IncomingMessage, res: ServerResponse): void;
  /** From now on every answer closes its connection (`Connection: close`): the server is stopping. */
  drain(): void;
}

/**
 * The Node adapter: runs the pipeline on `IncomingMessage` and writes each answer with one
 * `res.writeHead(status, headers)` and one `res.end(body)`. The request log line is written when the
 * response closes, so it says whether the client actually got the answer.
 *
 * @example
 * const listener = createNodeListener(pipeline, createRequestLog(logger));
 * createServer(listener).listen(8787);
 */
export function createNodeListener(pipeline: Pipeline, log: RequestLog): NodeListener {
  let draining = false;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const exchange = startExchange(new NodeRequestView(req));
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
    const response = pipeline(exchange);
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
