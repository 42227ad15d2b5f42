import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { DestinationStream } from 'pino';
import type { ProxyApp, ProxyDeps } from '../app/create-proxy-app.ts';
import { loadConfig } from '../config/load-config.ts';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { createProxyApp } from '../create-proxy-app.ts';
import { PROXY_ERRORS } from '../errors/error-catalog.ts';
import type { StytchErrorBody } from '../errors/error-response.ts';
import { createLogger } from '../logging/create-logger.ts';

/** Options of {@link startProxy}. */
export interface StartProxyOptions extends ProxyDeps {
  /** Overrides `config.port`; 0 picks a free port. */
  port?: number;
  /** Overrides `config.host`. */
  host?: string;
  /** Where to write the JSON logs when no `logger` is given. @default stdout */
  logDestination?: DestinationStream;
}

/** A listening proxy. */
export interface RunningProxy {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  proxy: ProxyApp;
  server: Server;
  /**
   * Graceful stop: stops accepting connections, lets in-flight requests finish (up to
   * `config.shutdownTimeoutMs`, then cuts what is left), closes idle keep-alive connections and the
   * upstream pool. Safe to call more than once.
   */
  stop(): Promise<void>;
}

/**
 * Starts the proxy on Node. Takes a validated config or an environment object (validated here,
 * throwing `ConfigError`). The JWKS is fetched in the background so the first caller does not wait.
 *
 * @example
 * const { url, stop } = await startProxy({ STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL }, { port: 0 });
 * await fetch(`${url}/healthz`);
 * await stop();
 */
export async function startProxy(
  configOrEnv: ProxyConfig | Record<string, string | undefined>,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const config = 'projectId' in configOrEnv ? (configOrEnv as ProxyConfig) : loadConfig(configOrEnv);
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  const proxy = createProxyApp(config, { ...options, logger });
  const listener = getRequestListener(proxy.fetch, {
    // A request line Node or Hono cannot even parse into a URL (bad Host, backslash…) still gets our envelope.
    errorHandler: () => unreadableRequest(config.errorDocsUrl),
  });
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, listener);
  // Bytes Node's HTTP parser rejects (a raw non-ASCII byte in the path, a broken frame) never reach
  // Hono: answer them in our envelope too, instead of Node's bare `400 Bad Request`.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const body = JSON.stringify(unreadableBody(config.errorDocsUrl));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, options.host ?? config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.info({ url, stytch_base_url: config.stytchBaseUrl, base_path: config.basePath }, 'proxy listening');
  // Warm the JWKS cache; /readyz reports whether it worked.
  Promise.resolve(proxy.app.request('/readyz')).catch(() => undefined);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('proxy stopping: finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response ends; close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await proxy.close();
      logger.info('proxy stopped');
      logger.flush();
    })();
    return stopping;
  };
  return { url, proxy, server, stop };
}

function unreadableBody(errorDocsUrl: string): StytchErrorBody {
  return {
    status_code: 400,
    request_id: crypto.randomUUID(),
    error_type: 'bad_request',
    error_message: PROXY_ERRORS.bad_request.message,
    error_url: `${errorDocsUrl}#bad_request`,
  };
}

function unreadableRequest(errorDocsUrl: string): Response {
  return new Response(JSON.stringify(unreadableBody(errorDocsUrl)), {
    status: 400,
    headers: { 'content-type': 'application/json' },
  });
}
