import { describe, expect, it } from 'vitest';
import { NetworkError } from '../errors/network-error.ts';
import { StytchApiError } from '../errors/stytch-api-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { DEFAULT_RETRY_POLICY, isRetryable, resolveRetryPolicy, retryDelay } from './retry-policy.ts';

const apiError = (status_code: number, retryAfter?: number) =>
  new StytchApiError({
    status_code,
    request_id: 'r',
    error_type: 't',
    error_message: 'm',
    error_url: '',
    retryAfter,
  });

describe('resolveRetryPolicy', () => {
  it('fills the defaults; a number is the limit; false disables', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy(5).limit).toBe(5);
    expect(resolveRetryPolicy(false).limit).toBe(0);
    expect(resolveRetryPolicy({ totalTimeout: 1000, limit: undefined })).toMatchObject({
      limit: 2,
      totalTimeout: 1000,
    });
  });

  it.each([
    { limit: -1 },
    { limit: 1.5 },
    { totalTimeout: 0 },
    { maxRetryAfter: Number.NaN },
    { backoffLimit: -1 },
  ])('rejects %j with an InvalidRequestError', (options) => {
    expect(() => resolveRetryPolicy(options)).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError' }),
    );
  });
});

describe('retryDelay', () => {
  const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: false };

  it('backs off exponentially from 300 ms, capped by backoffLimit', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(noJitter, n, apiError(500)))).toEqual([
      300, 600, 1200, 2400, 3000,
    ]);
  });

  it('applies full jitter: between 0 and the backoff', () => {
    const delays = Array.from(
      { length: 200 },
      () => retryDelay(DEFAULT_RETRY_POLICY, 2, apiError(500)) ?? -1,
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(600);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('uses Retry-After as is (no jitter), and gives up when it exceeds maxRetryAfter', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, apiError(429, 4000))).toBe(4000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, apiError(429, 10_000))).toBe(10_000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, apiError(429, 10_001))).toBeUndefined();
  });
});

describe('isRetryable', () => {
  it('retries the configured statuses and network errors; timeouts only when asked', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect([429, 500, 502, 503, 504, 400, 401, 404, 409].map((s) => isRetryable(p, apiError(s)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isRetryable(p, new NetworkError({ request_id: 'r', error_message: 'm' }))).toBe(true);
    const timeout = new TimeoutError({ request_id: 'r', error_message: 'm' });
    expect(isRetryable(p, timeout)).toBe(false);
    expect(isRetryable({ ...p, retryOnTimeout: true }, timeout)).toBe(true);
    expect(isRetryable({ ...p, statusCodes: [409] }, apiError(409))).toBe(true);
  });
});
