import { InvalidRequestError } from '../errors/invalid-request-error.ts';
import { createFetchTransport } from '../transports/fetch.ts';
import type { Transport } from '../transports/transport.ts';
import type { Hooks } from './hooks.ts';
import { localRequestId } from './request-id.ts';
import { DEFAULT_RETRY_POLICY, type RetryOptions, type RetryPolicy } from './retry-policy.ts';

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

/** Headers for one call and the values in them that must never reach an error or a log. */
export interface CallCredentials {
  headers: Record<string, string>;
  secrets: readonly string[];
}

/** What both constructors reduce their options to: one implementation serves both clients. */
export interface ClientConfig {
  /** Without a trailing slash; may be relative in a browser (`/api`). */
  baseUrl: string;
  transport: Transport;
  /** Per-attempt timeout, in ms. */
  timeout: number;
  retry: RetryPolicy;
  hooks: Hooks;
  credentials?: RequestCredentials;
  /** Called once per call, so a session JWT getter is read fresh each time. */
  callCredentials: () => CallCredentials;
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

/** The policy for `retry: options | number | false` (a number is `{ limit }`, `false` is `{ limit: 0 }`). */
export function resolveRetryPolicy(retry: RetryOptions | number | false | undefined): RetryPolicy {
  const options: RetryOptions =
    retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(policy, { [key]: value });
  }
  if (!Number.isInteger(policy.limit) || policy.limit < 0)
    invalidOption('retry.limit', 'a non-negative integer');
  if (!Array.isArray(policy.statusCodes)) invalidOption('retry.statusCodes', 'an array of HTTP statuses');
  if (!(policy.backoffLimit >= 0)) invalidOption('retry.backoffLimit', 'a non-negative number');
  if (!(policy.maxRetryAfter >= 0)) invalidOption('retry.maxRetryAfter', 'a non-negative number');
  checkTimeout('retry.totalTimeout', policy.totalTimeout);
  return policy;
}

// setTimeout fires at once for anything larger, which would turn a long timeout into none.
const MAX_TIMER_MS = 2_147_483_647;

/** A timeout in ms: a positive number that timers can hold. */
export function checkTimeout(field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_MS)) {
    return invalidOption(field, `a number of milliseconds between 1 and ${MAX_TIMER_MS}`);
  }
  return value;
}

/** Throws the `InvalidRequestError` for a bad option (at client construction or per call). */
export function invalidOption(field: string, expected: string): never {
  throw new InvalidRequestError({
    request_id: localRequestId(),
    field,
    error_message: `${field} must be ${expected}.`,
  });
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
