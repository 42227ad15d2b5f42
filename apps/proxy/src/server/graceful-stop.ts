import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { NodeListener } from '../adapters/node-listener.ts';

/** How long the answers of aborted calls get to leave before every connection is cut. */
const ABORTED_ANSWERS_MS = 200;

/** What {@link createGracefulStop} stops. */
export interface GracefulStopParts {
  server: Server;
  listener: NodeListener;
  /** Ends the Stytch calls in flight (each then answers 503 `shutting_down`). */
  abortUpstream: () => void;
  /** Releases the upstream pool. */
  closeProxy: () => Promise<void>;
  logger: Logger;
  /** How long in-flight requests may take to finish. */
  shutdownTimeoutMs: number;
  /** Turns `/readyz` to 503. */
  markStopping: () => void;
  /** How long to keep accepting and serving, `/readyz` at 503, before the rest of the stop. */
  readinessDelayMs: number;
}

/**
 * The graceful stop: `/readyz` answers 503 at once, and every answer closes its connection; for
 * `readinessDelayMs` the server still accepts and serves, so a load balancer polling readiness takes
 * this instance out before connections are refused. Then stop accepting connections; let in-flight
 * requests finish for up to `shutdownTimeoutMs`; then abort the Stytch calls still running, so their
 * callers get 503 `shutting_down` rather than a cut connection, and shortly after cut whatever is
 * left; close the upstream pool and flush the logs. Safe to call more than once.
 *
 * @example
 * const stop = createGracefulStop({ server, listener, abortUpstream, closeProxy, logger, shutdownTimeoutMs: 10_000, markStopping, readinessDelayMs: 0 });
 * process.once('SIGTERM', () => stop().then(() => process.exit(0)));
 */
export function createGracefulStop(parts: GracefulStopParts): () => Promise<void> {
  const { server, listener, logger } = parts;
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      parts.markStopping();
      listener.drain();
      if (parts.readinessDelayMs > 0) {
        logger.info(
          { shutdown_readiness_delay_ms: parts.readinessDelayMs },
          'proxy stopping: /readyz answers 503, still serving',
        );
        await sleep(parts.readinessDelayMs);
      }
      logger.info('proxy stopping: finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response ends; close them as they do.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let cut: NodeJS.Timeout | undefined;
      const deadline = setTimeout(() => {
        logger.warn(
          { shutdown_timeout_ms: parts.shutdownTimeoutMs },
          'proxy stopping: aborting Stytch calls',
        );
        parts.abortUpstream();
        cut = setTimeout(() => server.closeAllConnections(), ABORTED_ANSWERS_MS);
      }, parts.shutdownTimeoutMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      clearTimeout(cut);
      await parts.closeProxy();
      logger.info('proxy stopped');
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return stopping;
  };
}
