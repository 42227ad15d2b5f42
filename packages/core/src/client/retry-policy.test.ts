import { describe, expect, it } from 'vitest';
import { AbortError } from '../errors/abort-error.ts';
import { InvalidRequestError } from '../errors/invalid-request-error.ts';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { StytchApiError } from '../errors/stytch-api-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { DEFAULT_RETRY_POLICY, isRetryable, RETRYABLE_STATUS_CODES, retryDelay } from './retry-policy.ts';

const apiError = (status_code: number, retryPolicy = DEFAULT_RETRY_POLICY) =>
  new StytchApiError({
    status_code,
    request_id: 'r',
    error_type: 't',
    error_message: 'm',
    error_url: '',
    retryPolicy,
  });
const invalidResponse = (status_code: number, retryPolicy = DEFAULT_RETRY_POLICY) =>
  new InvalidResponseError({
    status_code,
    request_id: 'r',
    error_message: 'm',
    error_details: { content_type: 'text/html', body_snippet: '' },
    retryPolicy,
  });

describe('retryDelay', () => {
  const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: false };

  it('backs off exponentially from 300 ms, capped by backoffLimit', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(noJitter, n, undefined))).toEqual([
      300, 600, 1200, 2400, 3000,
    ]);
  });

  it('applies full jitter: between 0 and the backoff', () => {
    const delays = Array.from({ length: 200 }, () => retryDelay(DEFAULT_RETRY_POLICY, 2, undefined) ?? -1);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(600);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('uses Retry-After as is (no jitter), and gives up when it exceeds maxRetryAfter', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, 4000)).toBe(4000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, 10_000)).toBe(10_000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, 10_001)).toBeUndefined();
  });
});

describe('isRetryable', () => {
  const STATUSES = [429, 500, 502, 503, 504, 400, 401, 404, 409];

  it('retries the configured statuses and network errors; timeouts only when asked', () => {
    const p = DEFAULT_RETRY_POLICY;
    const retried = (name: string) => STATUSES.filter((status_code) => isRetryable(p, { name, status_code }));
    expect(retried('StytchApiError')).toEqual([429, 500, 502, 503, 504]);
    expect(retried('InvalidResponseError')).toEqual([429, 500, 502, 503, 504]);
    expect(isRetryable(p, { name: 'NetworkError', status_code: 0 })).toBe(true);
    expect(isRetryable(p, { name: 'TimeoutError', status_code: 0 })).toBe(false);
    expect(isRetryable({ ...p, retryOnTimeout: true }, { name: 'TimeoutError', status_code: 0 })).toBe(true);
    expect(isRetryable({ ...p, statusCodes: [409] }, { name: 'StytchApiError', status_code: 409 })).toBe(
      true,
    );
    expect(isRetryable({ ...p, statusCodes: [409] }, { name: 'StytchApiError', status_code: 503 })).toBe(
      false,
    );
    for (const name of ['AbortError', 'InvalidRequestError', 'ConnectedAppsError'])
      expect(isRetryable({ statusCodes: [0], retryOnTimeout: true }, { name, status_code: 0 })).toBe(false);
  });

  it("is what every error carries as `retryable`: the default policy's, or the one it is given", () => {
    expect(STATUSES.filter((s) => apiError(s).retryable)).toEqual([429, 500, 502, 503, 504]);
    expect(STATUSES.filter((s) => invalidResponse(s).retryable)).toEqual([429, 500, 502, 503, 504]);
    const only409 = { ...DEFAULT_RETRY_POLICY, statusCodes: [409] };
    expect(STATUSES.filter((s) => apiError(s, only409).retryable)).toEqual([409]);
    expect(STATUSES.filter((s) => invalidResponse(s, only409).retryable)).toEqual([409]);

    expect(new TimeoutError({ request_id: 'r', error_message: 'm' }).retryable).toBe(false);
    const retryOnTimeout = { ...DEFAULT_RETRY_POLICY, retryOnTimeout: true };
    expect(
      new TimeoutError({ request_id: 'r', error_message: 'm', retryPolicy: retryOnTimeout }).retryable,
    ).toBe(true);
    expect(new NetworkError({ request_id: 'r', error_message: 'm' }).retryable).toBe(true);
    expect(new AbortError({ request_id: 'r' }).retryable).toBe(false);
    expect(new InvalidRequestError({ request_id: 'r', error_message: 'm', field: 'f' }).retryable).toBe(
      false,
    );
  });

  it('keeps RETRYABLE_STATUS_CODES as the default policy list, frozen', () => {
    expect(RETRYABLE_STATUS_CODES).toEqual([429, 500, 502, 503, 504]);
    expect(RETRYABLE_STATUS_CODES).toBe(DEFAULT_RETRY_POLICY.statusCodes);
    expect(() => (DEFAULT_RETRY_POLICY.statusCodes as number[]).push(409)).toThrow(TypeError);
  });
});
