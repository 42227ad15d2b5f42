import { describe, expect, it } from 'vitest';
import { checkTimeout, resolveRetryPolicy } from './options.ts';
import { DEFAULT_RETRY_POLICY } from './retry-policy.ts';

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
    [{ limit: -1 }, 'retry.limit'],
    [{ limit: 1.5 }, 'retry.limit'],
    [{ statusCodes: 503 as unknown as number[] }, 'retry.statusCodes'],
    [{ totalTimeout: 0 }, 'retry.totalTimeout'],
    [{ maxRetryAfter: Number.NaN }, 'retry.maxRetryAfter'],
    [{ backoffLimit: -1 }, 'retry.backoffLimit'],
  ])('rejects %j with an InvalidRequestError naming %s', (options, field) => {
    expect(() => resolveRetryPolicy(options)).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', error_details: { field } }),
    );
  });
});

describe('checkTimeout', () => {
  it('takes a positive number a timer can hold', () => {
    expect(checkTimeout('timeout', 1)).toBe(1);
    expect(checkTimeout('timeout', 2 ** 31 - 1)).toBe(2 ** 31 - 1);
    for (const bad of [0, -1, 2 ** 31, Number.NaN, '100'])
      expect(() => checkTimeout('timeout', bad)).toThrow(
        expect.objectContaining({ name: 'InvalidRequestError' }),
      );
  });
});
