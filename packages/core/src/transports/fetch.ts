import { fetchInit, readFetchResponse } from './fetch-like.ts';
import type { Transport } from './transport.ts';

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /**
   * The `fetch` to send with (a traced or polyfilled one, say).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/**
 * The default transport: the runtime's own `fetch` (browsers, Node, Deno, Bun, edge workers).
 * It adds no bytes to a browser bundle; the client brings the timeout, retry and error policy.
 *
 * @example
 * createProxyClient({ baseUrl: '/api', transport: createFetchTransport({ fetch: tracedFetch }) });
 */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  return {
    async send(request) {
      // Read at call time, so a fetch patched after the client was created (tracing, mocks in apps) is used.
      const send = options.fetch ?? globalThis.fetch;
      return readFetchResponse(await send(request.url, fetchInit(request)));
    },
  };
}
