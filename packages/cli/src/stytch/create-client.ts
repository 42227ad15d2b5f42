import { createStytchClient, type RetryInfo, type StytchClient } from '@connected-apps/core';
import { createUndiciTransport } from '@connected-apps/core/node';
import type { CallLimits } from '../args/parse-command.ts';
import type { Credentials } from '../config/credentials.ts';
import { throttleTransport, worstTurnWaitMs } from './throttle-transport.ts';

/** A Stytch client paced for a bulk run, and how to release its sockets. */
export interface CliClient {
  stytch: StytchClient;
  close(): Promise<void>;
}

/** Longest `Retry-After` the CLI waits for inside one call; a longer one fails that call (re-run it later). */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Core's Stytch client on core's undici transport, paced by {@link throttleTransport}. Retries are
 * core's policy, configured for an idempotent bulk job: a revoke may be sent again safely, so
 * timeouts are retried too, and `Retry-After` is honoured up to a minute. `onRetry` sees every retry
 * (the run holds new calls on a 429).
 */
export function createCliClient(
  credentials: Credentials,
  limits: CallLimits,
  onRetry: (info: RetryInfo) => void,
): CliClient {
  const transport = throttleTransport(
    createUndiciTransport({ connections: limits.concurrency }),
    limits.rate,
  );
  // An attempt may first wait its turn in the limiter; that wait must not count against --timeout.
  const timeout = limits.timeout + worstTurnWaitMs(limits.concurrency, limits.rate);
  const stytch = createStytchClient({
    project_id: credentials.project_id,
    secret: credentials.secret,
    baseUrl: credentials.baseUrl,
    transport,
    timeout,
    retry: {
      limit: limits.retries,
      retryOnTimeout: true,
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      totalTimeout: (limits.retries + 1) * timeout + MAX_RETRY_AFTER_MS,
    },
    hooks: { onRetry },
  });
  return { stytch, close: async () => transport.close?.() };
}
