import type { RbacPolicy } from '@connected-apps/core/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProxyError } from '../errors/proxy-error.ts';
import { createRbacPolicyCache } from './rbac-policy-cache.ts';

// The cache's input is the Stytch call; these count and steer it so the timing rules can be checked
// on a fake clock. The real call is exercised against the emulator in test/integration/b2b-rbac.test.ts.
const policy = (role_id: string): RbacPolicy => ({
  roles: [{ role_id, description: '', permissions: [] }],
  resources: [],
  scopes: [],
});

function setup() {
  const calls = { count: 0 };
  let next: () => Promise<RbacPolicy> = async () => policy(`v${calls.count}`);
  const cache = createRbacPolicyCache({
    maxAgeMs: 10_000,
    fetchPolicy: () => {
      calls.count++;
      return next();
    },
  });
  return { cache, calls, answerWith: (f: () => Promise<RbacPolicy>) => (next = f) };
}
const roleOf = async (value: RbacPolicy | Promise<RbacPolicy>) => (await value).roles[0]?.role_id;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRbacPolicyCache', () => {
  it('fetches once for concurrent first requests, then answers synchronously while fresh', async () => {
    const { cache, calls } = setup();
    const [a, b] = [cache.get(), cache.get()];
    expect(a).toBeInstanceOf(Promise);
    expect(await roleOf(a)).toBe('v1');
    expect(await roleOf(b)).toBe('v1');
    vi.advanceTimersByTime(4_999);
    expect(cache.get()).not.toBeInstanceOf(Promise);
    expect(calls.count).toBe(1);
  });

  it('refreshes in the background in the second half of its life, serving the current one meanwhile', async () => {
    const { cache, calls } = setup();
    await cache.get();
    vi.advanceTimersByTime(6_000);
    expect(await roleOf(cache.get())).toBe('v1');
    expect(calls.count).toBe(2);
    await vi.runOnlyPendingTimersAsync();
    expect(await roleOf(cache.get())).toBe('v2');
  });

  it('never serves a policy past its max age: the request waits for a fresh one', async () => {
    const { cache, calls, answerWith } = setup();
    await cache.get();
    answerWith(() => Promise.reject(new Error('connect ECONNREFUSED')));
    vi.advanceTimersByTime(6_000);
    expect(await roleOf(cache.get())).toBe('v1'); // background refresh fails, v1 kept
    await vi.runOnlyPendingTimersAsync();
    vi.advanceTimersByTime(4_000);
    const expired = cache.get();
    expect(expired).toBeInstanceOf(Promise);
    await expect(expired).rejects.toMatchObject({ name: 'ProxyError', type: 'upstream_unavailable' });
    answerWith(async () => policy('v-new'));
    expect(await roleOf(cache.get())).toBe('v-new');
    expect(calls.count).toBe(4);
  });

  it('retries a failed background refresh a second later at the soonest', async () => {
    const { cache, calls, answerWith } = setup();
    await cache.get();
    answerWith(() => Promise.reject(new Error('down')));
    vi.advanceTimersByTime(6_000);
    cache.get();
    await vi.runOnlyPendingTimersAsync();
    cache.get();
    cache.get();
    expect(calls.count).toBe(2);
    vi.advanceTimersByTime(1_000);
    cache.get();
    expect(calls.count).toBe(3);
  });

  it('passes a ProxyError through, typed', async () => {
    const { cache, answerWith } = setup();
    answerWith(() => Promise.reject(new ProxyError('upstream_timeout')));
    await expect(cache.get()).rejects.toMatchObject({ type: 'upstream_timeout' });
  });
});
