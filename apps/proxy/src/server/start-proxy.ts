import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUndiciTransport } from '@connected-apps/core/node';
import type { DestinationStream } from 'pino';
import { createNodeListener } from '../adapters/node-listener.ts';
import { NodeRequestView } from '../adapters/node-request-view.ts';
import { assembleProxy, type ProxyApp, type ProxyDeps } from '../app/assemble-proxy.ts';
import { auditTrailFromConfig } from '../audit/create-audit-trail-from-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { type ProxyOptions, resolveConfig } from '../config/resolve-config.ts';
import { createLogger } from '../logging/create-logger.ts';
import { startExchange } from '../pipeline/exchange.ts';
import { createGracefulStop } from './graceful-stop.ts';
import { createParserRefusal } from './parser-refusal.ts';

/** Options of {@link startProxy}. */
export interface StartProxyOptions extends ProxyDeps {
  /** Port to listen on; 0 picks a free one. @default config.port (`PORT`, 8787) */
  port?: number;
  /** Interface to listen on. @default config.host (`HOST`, '127.0.0.1') */
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
   * Graceful stop: `/readyz` answers 503 at once, and the server keeps serving for
   * `config.shutdownReadinessDelayMs`; then it stops accepting connections, lets in-flight requests
   * finish (up to `config.shutdownTimeoutMs`), then aborts the Stytch calls still running (503 `shutting_down`) and
   * cuts what is left; closes the upstream pool and flushes the logs. Safe to call more than once.
   */
  stop(): Promise<void>;
}

/**
 * Starts the proxy on Node's `http` server with the Node adapter. Takes what `createProxyApp` takes (a
 * config, or an object of its fields) or an environment object, validated here (throwing
 * `ConfigError`). The JWKS is fetched in the background so the first caller does not wait.
 *
 * @example
 * const { url, stop } = await startProxy({ STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL }, { port: 0 });
 * await fetch(`${url}/healthz`);
 * await stop();
 */
export async function startProxy(
  configOrEnv: ProxyOptions | Record<string, string | undefined>,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const config =
    'projectId' in configOrEnv ? resolveConfig(configOrEnv as ProxyOptions) : loadConfig(configOrEnv);
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  // ioredis and rate-limiter-flexible load only when REDIS_URL asks for them: without Redis, a cold
  // start does not pay for them (tens of milliseconds of the single-file bundle's start).
  const redisRateLimits =
    config.redisUrl === undefined
      ? undefined
      : (await import('../rate-limit/redis-rate-limits.ts')).createRedisRateLimits;
  const assembled = assembleProxy(
    config,
    { ...options, logger },
    () => createUndiciTransport(),
    redisRateLimits,
    auditTrailFromConfig,
  );
  const { proxy, pipeline, exit, log } = assembled;
  const listener = createNodeListener(pipeline, log);
  const server = createServer(
    // A missing Host is answered by the pipeline (Stytch-shaped, probes exempt on HTTP/1.0), not by
    // Node's bare 400.
    { headersTimeout: 10_000, requestTimeout: 30_000, requireHostHeader: false },
    listener,
  );
  const refuse = createParserRefusal(exit, log);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => refuse(socket, error));
  server.on('connect', (req, socket) =>
    refuse(socket, new Error('CONNECT is not served'), startExchange(new NodeRequestView(req))),
  );
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
  assembled.keys.reload().catch(() => undefined);

  const stop = createGracefulStop({
    server,
    listener,
    abortUpstream: assembled.abortUpstream,
    closeProxy: proxy.close,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    markStopping: assembled.markStopping,
    readinessDelayMs: config.shutdownReadinessDelayMs,
  });
  return { url, proxy, server, stop };
}
