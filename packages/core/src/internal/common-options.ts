import type { Hooks } from '../hooks.ts';
import type { RetryOptions } from '../retry-options.ts';
import type { Transport } from '../transport.ts';
import { createFetchTransport } from '../transports/fetch-transport.ts';
import type { ClientConfig } from './client-config.ts';
import { checkTimeout } from './invalid-option.ts';
import { resolveRetryPolicy } from './retry-policy.ts';

/** Default per-attempt timeout: Stytch answers in well under a second; 5 s means something is wrong. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** Options both clients share. */
export interface CommonClientOptions {
  /**
   * Per-attempt timeout in milliseconds (see also `retry.totalTimeout` for the whole call).
   * @default 5000
   */
  timeout?: number;
  /**
   * Retry policy; a number is the retry limit, `false` disables retries.
   * @default { limit: 2, statusCodes: [429, 500, 502, 503, 504], totalTimeout: 15000, … }
   */
  retry?: RetryOptions | number | false;
  /** Observability callbacks. */
  hooks?: Hooks;
  /**
   * How requests are sent.
   * @default createFetchTransport()
   */
  transport?: Transport;
}

/** The parts of a {@link ClientConfig} that come from {@link CommonClientOptions}. */
export function resolveCommonOptions(
  options: CommonClientOptions,
): Pick<ClientConfig, 'timeout' | 'retry' | 'hooks' | 'transport'> {
  return {
    timeout: options.timeout === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout('timeout', options.timeout),
    retry: resolveRetryPolicy(options.retry),
    hooks: options.hooks ?? {},
    transport: options.transport ?? createFetchTransport(),
  };
}

/** A base URL without its trailing slashes, so `${baseUrl}/v1/…` has exactly one. */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** Header names lower-cased, so a caller's `Authorization` and ours cannot both be sent. */
export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}
