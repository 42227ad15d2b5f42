import type { ConnectedAppsError } from '../errors/connected-apps-error.ts';
import { isInvalidResponseError } from '../errors/invalid-response-error.ts';
import { isNetworkError } from '../errors/network-error.ts';
import { isStytchApiError } from '../errors/stytch-api-error.ts';
import { isTimeoutError } from '../errors/timeout-error.ts';
import type { RetryOptions } from '../retry-options.ts';
import { checkTimeout, invalidOption } from './invalid-option.ts';

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  limit: 2,
  statusCodes: [429, 500, 502, 503, 504],
  retryOnTimeout: false,
  delay: (retryCount) => 300 * 2 ** (retryCount - 1),
  backoffLimit: 3000,
  jitter: true,
  maxRetryAfter: 10_000,
  totalTimeout: 15_000,
};

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
  if (!(policy.backoffLimit >= 0)) invalidOption('retry.backoffLimit', 'a non-negative number');
  if (!(policy.maxRetryAfter >= 0)) invalidOption('retry.maxRetryAfter', 'a non-negative number');
  checkTimeout('retry.totalTimeout', policy.totalTimeout);
  return policy;
}

/** Whether this failure is worth another attempt under `policy` (ignoring the attempt and time budgets). */
export function isRetryable(policy: RetryPolicy, error: ConnectedAppsError): boolean {
  if (isNetworkError(error)) return true;
  if (isTimeoutError(error)) return policy.retryOnTimeout;
  if (isStytchApiError(error) || isInvalidResponseError(error))
    return policy.statusCodes.includes(error.status_code);
  return false;
}

/**
 * How long to wait before retry number `retryCount`: the server's `Retry-After` when it sent one
 * (or `undefined`, meaning "do not retry", when that is beyond `maxRetryAfter`), else the
 * exponential backoff, capped, with full jitter.
 */
export function retryDelay(
  policy: RetryPolicy,
  retryCount: number,
  error: ConnectedAppsError,
): number | undefined {
  const retryAfter = isStytchApiError(error) ? error.retryAfter : undefined;
  if (retryAfter !== undefined) return retryAfter <= policy.maxRetryAfter ? retryAfter : undefined;
  const backoff = Math.min(policy.backoffLimit, Math.max(0, policy.delay(retryCount)));
  return policy.jitter ? Math.random() * backoff : backoff;
}
