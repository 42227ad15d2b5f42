import type { Transport } from '@connected-apps/core';

/**
 * A `Transport` over the runtime's `fetch`, for edge runtimes where undici's pool is not available.
 *
 * @example
 * createEdgeProxyApp(config, { transport: fetchTransport });
 */
export const fetchTransport: Transport = {
  async send({ method, url, headers, body, signal }) {
    const response = await fetch(url, { method, headers, body, signal, redirect: 'manual' });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { status: response.status, headers: responseHeaders, body: await response.text() };
  },
};
