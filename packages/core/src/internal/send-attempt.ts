import { AbortError } from '../errors/abort-error.ts';
import type { ConnectedAppsError } from '../errors/connected-apps-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import type { Transport, TransportRequest, TransportResponse } from '../transport.ts';
import { describeCause, sanitizeCause } from './sanitize-cause.ts';

/** One attempt's limits and identity. */
export interface AttemptContext {
  timeoutMs: number;
  /** Message of the `TimeoutError` if `timeoutMs` runs out. */
  timeoutMessage: string;
  signal: AbortSignal | undefined;
  request_id: string;
  secrets: readonly string[];
}

/**
 * Sends one attempt through the transport with the timeout and the caller's signal combined into
 * one `AbortSignal`. Never rejects: a failure comes back as the typed error it is. The race with the
 * signal also guards against a transport that ignores it, so an attempt can never hang.
 */
export async function sendAttempt(
  transport: Transport,
  request: Omit<TransportRequest, 'signal'>,
  context: AttemptContext,
): Promise<{ response: TransportResponse } | { error: ConnectedAppsError }> {
  const { signal: callerSignal, request_id, secrets } = context;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, context.timeoutMs);
  const onCallerAbort = () => controller.abort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const sent = transport.send({ ...request, signal: controller.signal });
    return { response: await raceAbort(sent, controller.signal) };
  } catch (error) {
    if (callerSignal?.aborted)
      return { error: new AbortError({ request_id, cause: sanitizeCause(callerSignal.reason, secrets) }) };
    if (timedOut) return { error: new TimeoutError({ request_id, error_message: context.timeoutMessage }) };
    const cause = sanitizeCause(error, secrets);
    const detail = describeCause(cause);
    const error_message = `No response from the server${detail ? ` (${detail})` : ''}.`;
    return { error: new NetworkError({ request_id, error_message, cause }) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    ),
  ]);
}
