import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { failBody } from '../adapters/node-request-view.ts';
import type { ProxyErrorType } from '../errors/error-catalog.ts';
import type { ErrorExit } from '../errors/error-exit.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import type { RequestLog } from '../logging/request-log.ts';
import { type Exchange, type RequestView, startExchange } from '../pipeline/exchange.ts';

/** Stands in for a request Node's parser could not read: nothing of it is known. */
const UNREAD_REQUEST: RequestView = {
  method: '',
  target: '',
  httpVersion: '1.1',
  host: undefined,
  remoteAddress: undefined,
  header: () => undefined,
  hasBody: () => false,
  readBody: () => '',
};

/** The proxy's error for each refusal Node's HTTP parser makes (as Node's own default answers them). */
function refusalType(code: string | undefined): ProxyErrorType {
  if (code === 'HPE_HEADER_OVERFLOW') return 'request_headers_too_large';
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 'payload_too_large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  return 'bad_request';
}

/**
 * Answers on the raw socket what never becomes a request: Node's parser refusals (`clientError`:
 * smuggling attempts with both `Content-Length` and `Transfer-Encoding`, obs-fold, bad bytes,
 * oversized headers → 431, timeouts → 408) and `CONNECT`. The answer comes from the same error exit
 * as every other one (Stytch-shaped body, security headers, `X-Request-Id`) and gets its log line;
 * the connection is then closed, since the stream can no longer be trusted.
 *
 * @example
 * const refuse = createParserRefusal(exit, log);
 * server.on('clientError', (error, socket) => refuse(socket, error));
 */
export function createParserRefusal(exit: ErrorExit, log: RequestLog) {
  return (
    socket: Duplex,
    error: NodeJS.ErrnoException,
    exchange: Exchange = startExchange(UNREAD_REQUEST),
  ) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const cause = `${error.code ?? error.name}: ${error.message}`;
    const refusal = new ProxyError(refusalType(error.code), { cause });
    const answer = () => {
      const response = exit(exchange, refusal);
      let head = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n`;
      for (const [name, value] of Object.entries(response.headers)) head += `${name}: ${value}\r\n`;
      head += `content-length: ${Buffer.byteLength(response.body)}\r\nconnection: close\r\n\r\n`;
      // Delivered once the bytes are with the OS: the client may reset the connection right after
      // reading them (it still holds unread request bytes), which would fail a wait for `finish`.
      socket.write(head + response.body, (failed) => log(exchange, response, !failed));
      socket.end();
    };
    const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (inFlight === undefined || inFlight.writableFinished) return answer();
    if (!inFlight.req.complete) {
      // The refused bytes are the body of the request still being answered: its body read ends with
      // the refusal, which the pipeline answers like any other, closing the connection after it.
      if (!inFlight.headersSent) inFlight.setHeader('connection', 'close');
      return failBody(inFlight.req, refusal);
    }
    // The refused bytes came pipelined behind it: answers go out in request order.
    inFlight.once('finish', answer);
    inFlight.once('close', () => {
      if (!inFlight.writableFinished) socket.destroy();
    });
  };
}
