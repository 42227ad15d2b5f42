/**
 * When and how a failed call is sent again. Applies the same way to every transport.
 * A number is shorthand for `{ limit }`; `false` disables retries.
 *
 * @example
 * createStytchClient({ project_id, secret, retry: { limit: 4, totalTimeout: 30_000 } });
 */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `limit + 1` attempts at most).
   * @default 2
   */
  limit?: number;
  /**
   * HTTP statuses that are retried, whatever the body (network errors always are).
   * @default [429, 500, 502, 503, 504]
   */
  statusCodes?: number[];
  /**
   * Also retry an attempt that timed out. Off by default: a slow upstream should surface quickly.
   * @default false
   */
  retryOnTimeout?: boolean;
  /**
   * Backoff before retry number `retryCount` (1, 2, …) in ms, before jitter and `backoffLimit`.
   * @default retryCount => 300 * 2 ** (retryCount - 1)
   */
  delay?: (retryCount: number) => number;
  /**
   * Upper bound of one backoff delay, in ms.
   * @default 3000
   */
  backoffLimit?: number;
  /**
   * Full jitter: wait a random time between 0 and the backoff delay, so clients that failed
   * together do not retry together. Never applied to a server's `Retry-After`.
   * @default true
   */
  jitter?: boolean;
  /**
   * Longest `Retry-After` (seconds or HTTP date) that is waited for, in ms. A longer one ends the
   * retries at once and the error carries it as `retryAfter`, for the caller to schedule.
   * @default 10000
   */
  maxRetryAfter?: number;
  /**
   * Time budget for the whole call in ms: every attempt and every wait. A retry that cannot start
   * within it is not made; an attempt still running when it ends fails with a `TimeoutError`.
   * @default 15000
   */
  totalTimeout?: number;
}

/** {@link RetryOptions} with every default filled in: what a client retries by. */
export type RetryPolicy = Required<RetryOptions>;

/** The part of a policy that decides *whether* a failure is retried (the rest say how often and when). */
export type RetryRule = Pick<RetryPolicy, 'statusCodes' | 'retryOnTimeout'>;

// Rate limited, or the server (or a gateway in front of it) failed: worth another attempt.
const DEFAULT_STATUS_CODES = Object.freeze([429, 500, 502, 503, 504]) as number[];

/** Every retry default; a client's `retry` option overrides them field by field. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  limit: 2,
  statusCodes: DEFAULT_STATUS_CODES,
  retryOnTimeout: false,
  delay: (retryCount: number) => 300 * 2 ** (retryCount - 1),
  backoffLimit: 3000,
  jitter: true,
  maxRetryAfter: 10_000,
  totalTimeout: 15_000,
});

/**
 * The statuses the default policy retries.
 * @deprecated Read `DEFAULT_RETRY_POLICY.statusCodes`; an error's own `retryable` says what its
 * client's policy decided.
 */
export const RETRYABLE_STATUS_CODES: readonly number[] = DEFAULT_STATUS_CODES;

/**
 * The one retry decision: whether `rule` retries this failure, ignoring the attempt and time
 * budgets. Every error a client builds carries it as `retryable`, and the client retries exactly
 * the errors whose `retryable` is true (while the budgets allow).
 * - `NetworkError`: always (no response arrived, so nothing was decided on the other side);
 * - `TimeoutError`: when `retryOnTimeout` is set;
 * - `StytchApiError`, `InvalidResponseError`: when `statusCodes` lists the HTTP status;
 * - anything else (`AbortError`, `InvalidRequestError`): never.
 *
 * @example
 * isRetryable(DEFAULT_RETRY_POLICY, { name: 'StytchApiError', status_code: 503 }); // true
 */
export function isRetryable(rule: RetryRule, error: { name: string; status_code: number }): boolean {
  switch (error.name) {
    case 'NetworkError':
      return true;
    case 'TimeoutError':
      return rule.retryOnTimeout;
    case 'StytchApiError':
    case 'InvalidResponseError':
      return rule.statusCodes.includes(error.status_code);
    default:
      return false;
  }
}

/**
 * How long to wait before retry number `retryCount`: the server's `Retry-After` when it sent one
 * (or `undefined`, meaning "do not retry", when that is beyond `maxRetryAfter`), else the
 * exponential backoff, capped, with full jitter.
 */
export function retryDelay(
  policy: RetryPolicy,
  retryCount: number,
  retryAfter: number | undefined,
): number | undefined {
  if (retryAfter !== undefined) return retryAfter <= policy.maxRetryAfter ? retryAfter : undefined;
  const backoff = Math.min(policy.backoffLimit, Math.max(0, policy.delay(retryCount)));
  return policy.jitter ? Math.random() * backoff : backoff;
}
