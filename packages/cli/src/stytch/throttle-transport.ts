import type { Transport } from '@connected-apps/core';
import pThrottle from 'p-throttle';

/**
 * The limiter's window for `rate` requests per second: a tenth of a second's worth at most
 * (at least one request), so a burst never exceeds that and any one-second span holds at most
 * `rate` plus one window.
 */
export function throttleWindow(rate: number): { limit: number; interval: number } {
  const limit = Math.max(1, Math.floor(rate / 10));
  return { limit, interval: (limit * 1000) / rate };
}

/**
 * A transport that sends at most `rate` requests per second. It wraps the transport rather than the
 * calls, so every attempt is paced — core's retries and the listings included — and the rate the
 * server sees is the rate asked for. An attempt whose signal fired while it waited sends nothing.
 */
export function throttleTransport(transport: Transport, rate: number): Transport {
  const throttle = pThrottle({ ...throttleWindow(rate), strict: true });
  const send: Transport['send'] = throttle((request) =>
    request.signal.aborted ? Promise.reject(request.signal.reason) : transport.send(request),
  );
  return { send, close: async () => transport.close?.() };
}

/** The longest an attempt can wait for its turn: `concurrency` callers ahead of it, one window each. */
export function worstTurnWaitMs(concurrency: number, rate: number): number {
  const { limit, interval } = throttleWindow(rate);
  return Math.ceil(Math.ceil(concurrency / limit) * interval);
}
