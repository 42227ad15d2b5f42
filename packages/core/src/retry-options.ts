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
   * HTTP statuses that are retried (network errors always are).
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
