import { Agent, type Dispatcher } from 'undici';
import type { Transport, TransportResponse } from './transport.ts';

/** Options of {@link createUndiciTransport}. */
export interface UndiciTransportOptions {
  /**
   * Most sockets kept open per origin (keep-alive pool).
   * @default 128
   */
  connections?: number;
  /**
   * How long an idle socket stays open, in ms.
   * @default 10000
   */
  keepAliveTimeout?: number;
  /** Send through this dispatcher (Agent, Pool, ProxyAgent…) instead of an own pool; `close()` then leaves it open. */
  dispatcher?: Dispatcher;
}

/**
 * The Node server transport, for a proxy's hot path: undici's keep-alive pool, sent with its
 * `dispatch` handler API and the body collected as it arrives. Same policy and errors as the default.
 *
 * Not undici's `request()`: that wraps every response body in a `Readable` stream read back with
 * `body.text()`, and for Stytch's small JSON answers that stream is most of the client's cost —
 * measured on the proxy's revoke over TLS, `dispatch` takes about 100 µs of CPU less per request.
 *
 * @example
 * import { createUndiciTransport } from '@connected-apps/core/node';
 * const transport = createUndiciTransport({ connections: 64 });
 * const stytch = createStytchClient({ project_id, secret, transport });
 * // on shutdown:
 * await transport.close?.();
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport {
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 128,
      keepAliveTimeout: options.keepAliveTimeout ?? 10_000,
    });
  return {
    send: ({ method, url, headers, body, signal }) =>
      new Promise((resolve, reject) => {
        // The client hands over `https://host/path`: split at the path's first `/` rather than parse a URL.
        const pathStart = url.indexOf('/', url.indexOf('//') + 2);
        const origin = pathStart === -1 ? url : url.slice(0, pathStart);
        const path = pathStart === -1 ? '/' : url.slice(pathStart);
        const handler = collectResponse(signal, resolve, reject);
        try {
          dispatcher.dispatch({ origin, path, method, headers, body }, handler);
        } catch (error) {
          handler.onResponseError(undefined, error as Error);
        }
      }),
    async close() {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}

type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestStart']>>[0];

/** A dispatch handler that settles with the whole response, or with the error; aborted by `signal`. */
function collectResponse(
  signal: AbortSignal,
  resolve: (response: TransportResponse) => void,
  reject: (error: unknown) => void,
) {
  const chunks: Buffer[] = [];
  let status = 0;
  let headers: Record<string, string> = {};
  let controller: Controller | undefined;
  const onAbort = () => controller?.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    onRequestStart(started: Controller) {
      controller = started;
      if (signal.aborted) started.abort(signal.reason);
    },
    onResponseStart(
      _controller: Controller,
      statusCode: number,
      received: Record<string, string | string[]>,
    ) {
      status = statusCode;
      headers = {};
      for (const name in received) {
        const value = received[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    },
    onResponseData(_controller: Controller, chunk: Buffer) {
      chunks.push(chunk);
    },
    onResponseEnd() {
      signal.removeEventListener('abort', onAbort);
      const text =
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      resolve({ status, headers, body: text });
    },
    onResponseError(_controller: Controller | undefined, error: Error) {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    },
  };
}
