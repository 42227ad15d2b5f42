import ky, { type KyInstance } from 'ky';
import { fetchInit, readFetchResponse } from './fetch-like.ts';
import type { Transport } from './transport.ts';

/** Options of {@link createKyTransport}. */
export interface KyTransportOptions {
  /**
   * A ky instance to send with (e.g. `ky.create({ fetch: myFetch })`). Its retry, timeout and
   * status handling are switched off per request: the client applies its own policy.
   * @default ky
   */
  ky?: KyInstance;
}

/**
 * A transport over ky, for apps that already send through a configured ky instance (its hooks,
 * its `fetch`). Imported from `@connected-apps/core/ky`, so apps that do not use ky never bundle it.
 *
 * @example
 * import { createKyTransport } from '@connected-apps/core/ky';
 * createProxyClient({ baseUrl: '/api', transport: createKyTransport({ ky: myKy }) });
 */
export function createKyTransport(options: KyTransportOptions = {}): Transport {
  const client = options.ky ?? ky;
  return {
    async send(request) {
      const response = await client(request.url, {
        ...fetchInit(request),
        // The client owns retries, timeouts and error statuses, identically for every transport.
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
      });
      return readFetchResponse(response);
    },
  };
}
