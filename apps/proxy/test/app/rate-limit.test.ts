import { bearer } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, createHarness, listPath } from '../helpers/app-harness.ts';
import { useJwksServer } from '../helpers/signing-keys.ts';

const keys = useJwksServer();

describe('rate limits', () => {
  it('limits each client address before authentication, with Retry-After', async () => {
    const harness = createHarness(keys.server, {
      RATE_LIMIT_PER_ADDRESS: '3',
      RATE_LIMIT_WINDOW_MS: '60000',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await harness.request(listPath(ALICE))).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await harness.request(listPath(ALICE));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ status_code: 429, error_type: 'too_many_requests' });
    await harness.proxy.close();
  });

  it('counts addresses apart when X-Forwarded-For is trusted', async () => {
    const harness = createHarness(keys.server, { RATE_LIMIT_PER_ADDRESS: '1', TRUST_PROXY: '1' });
    const from = (ip: string) =>
      harness.request(listPath(ALICE), { headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` } });
    expect((await from('198.51.100.1')).status).toBe(401);
    expect((await from('198.51.100.2')).status).toBe(401);
    expect((await from('198.51.100.1')).status).toBe(429);
    await harness.proxy.close();
  });

  it('limits each user after authentication, whatever address they come from', async () => {
    const harness = createHarness(keys.server, { RATE_LIMIT_PER_USER: '2', TRUST_PROXY: '1' });
    const alice = await harness.jwtFor({ sub: ALICE });
    const bob = await harness.jwtFor({ sub: BOB });
    const as = (jwt: string, ip: string) =>
      harness.request(listPath(BOB), { headers: { ...bearer(jwt), 'x-forwarded-for': ip } });
    // Alice is refused (403) but still counted; the third request from a new address is limited.
    expect((await as(alice, '198.51.100.1')).status).toBe(403);
    expect((await as(alice, '198.51.100.2')).status).toBe(403);
    const limited = await as(alice, '198.51.100.3');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Bob's own budget is untouched.
    expect((await as(bob, '198.51.100.4')).status).not.toBe(429);
    await harness.proxy.close();
  });
});
