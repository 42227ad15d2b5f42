import { injectRevokeFault } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import type { RevokeSummary } from '../src/index.ts';
import { runCli } from './support/cli-process.ts';
import { APP_ID, oneAppGrantedBy, userId } from './support/grants.ts';
import { useCliWorld } from './support/use-cli-world.ts';

const world = useCliWorld();

const USERS = 10_000;
/** Chosen so the run takes about 10 s here, and below what the CLI reaches unthrottled. */
const RATE = 1000;
const CONCURRENCY = 16;
/** Users in the file that Stytch does not know: counted as already gone, not as failures. */
const UNKNOWN_USERS = ['user-test-unknown-1', 'user-test-unknown-2', 'user-test-unknown-3'];

/** The most requests the emulator received within any one second. */
function busiestSecond(timestamps: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < timestamps.length; last++) {
    while ((timestamps[last] as number) - (timestamps[first] as number) >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('revoke --app --users: one compromised app across 10,000 users', () => {
  it('revokes every grant through 500s, a 429 with Retry-After, dropped connections and latency, within its rate', async () => {
    const { control } = world.emulator();
    const { fixtures, userIds } = oneAppGrantedBy(USERS);
    await control.loadFixtures(fixtures);
    const faulted = {
      status500: [userId(10), userId(2000), userId(4000), userId(6000)],
      rateLimited: userId(3000),
      dropped: [userId(20), userId(5000), userId(9000)],
      slow: [userId(30), userId(7000)],
      timedOut: userId(100),
    };
    for (const user of faulted.status500) await injectRevokeFault(control, user, APP_ID, { status: 500 });
    await injectRevokeFault(control, faulted.rateLimited, APP_ID, { retry_after: 1 });
    for (const user of faulted.dropped)
      await injectRevokeFault(control, user, APP_ID, { drop_connection: true });
    for (const user of faulted.slow) await injectRevokeFault(control, user, APP_ID, { latency_ms: 300 });
    await injectRevokeFault(control, faulted.timedOut, APP_ID, { latency_ms: 4000 });
    const file = world.file('users.txt', `${[...userIds, ...UNKNOWN_USERS].join('\n')}\n`);

    const args = ['revoke', '--app', APP_ID, '--users', file, '--json'];
    const limits = ['--rate', String(RATE), '--concurrency', String(CONCURRENCY), '--timeout', '2500'];
    const result = await runCli([...args, ...limits], world.env(), world.cwd(), 30_000);

    expect(result.stderr).toContain('Stytch answered 429');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RevokeSummary;
    expect(summary).toMatchObject({
      total: USERS + UNKNOWN_USERS.length,
      revoked: USERS,
      already_gone: UNKNOWN_USERS.length,
      failed: 0,
      pending: 0,
      failed_by_error_type: {},
      interrupted: null,
    });
    // One retry per injected 500, 429, dropped connection and timeout.
    expect(summary.this_run.retries).toBe(faulted.status500.length + 1 + faulted.dropped.length + 1);

    // Every grant is gone, and the faulted users' tokens are revoked.
    expect((await control.loadFixtures({})).grants).toBe(0);
    for (const user of [...faulted.status500, faulted.rateLimited, ...faulted.dropped, faulted.timedOut]) {
      const tokens = await control.getTokens(user, APP_ID);
      expect(tokens.grant_active).toBe(false);
      expect(tokens.tokens.every((token) => token.revoked)).toBe(true);
    }

    // The request rate, as the emulator saw it (its log keeps the last 10,000 requests): any one
    // second holds at most the rate plus one limiter window (a tenth of it), plus the calls in flight
    // that a pause of the emulator could bunch together.
    const { requests } = await control.getRequests();
    expect(requests.length).toBeGreaterThan(9000);
    const bound = RATE + RATE / 10 + CONCURRENCY;
    expect(busiestSecond(requests.map((request) => Date.parse(request.at)))).toBeLessThanOrEqual(bound);
  }, 40_000);
});
