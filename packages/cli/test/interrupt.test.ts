import { injectListFault, injectRevokeFault, stytchRevokePath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import type { RevokeSummary } from '../src/index.ts';
import { runCli, startCli } from './support/cli-process.ts';
import { APP_ID, oneAppGrantedBy, userId } from './support/grants.ts';
import { countOf, readJournal, unsettledUsers, waitForJournal } from './support/journal.ts';
import { useCliWorld } from './support/use-cli-world.ts';

const world = useCliWorld();
const USERS = 300;

/**
 * Starts a run over USERS users at 100 revokes a second whose revoke of `slowUser` takes
 * `latency_ms`, and sends SIGINT `times` times (100 ms apart) once that revoke is in flight.
 */
async function interruptWhileSlow(slowUser: string, latency_ms: number, concurrency: number, times: number) {
  const { control } = world.emulator();
  const { fixtures, userIds } = oneAppGrantedBy(USERS);
  await control.loadFixtures(fixtures);
  await injectRevokeFault(control, slowUser, APP_ID, { latency_ms });
  const file = world.file('users.txt', userIds.join('\n'));
  const command = ['revoke', '--app', APP_ID, '--users', file, '--journal', 'run.jsonl', '--json'];
  const cli = startCli(
    [...command, '--rate', '100', '--concurrency', String(concurrency)],
    world.env(),
    world.cwd(),
  );
  const journal = `${world.cwd()}/run.jsonl`;
  await waitForJournal(journal, (records) =>
    records.some((record) => record.type === 'attempt' && record.user_id === slowUser),
  );
  for (let sent = 0; sent < times; sent++) {
    if (sent > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    cli.child.kill('SIGINT');
  }
  const result = await cli.exited;
  return { command, result, records: readJournal(journal) };
}

describe('Ctrl+C (SIGINT) and SIGTERM', () => {
  it('starts nothing new, lets the call in flight finish, flushes the journal, sums up and exits 130', async () => {
    const slowUser = userId(40);
    const { command, result, records } = await interruptWhileSlow(slowUser, 800, 4, 1);

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT: stopping');
    const summary = JSON.parse(result.stdout) as RevokeSummary;
    expect(unsettledUsers(records).size).toBe(0);
    expect(records.find((r) => r.type === 'outcome' && r.user_id === slowUser)).toMatchObject({
      outcome: 'revoked',
    });
    expect(records.at(-1)).toMatchObject({ type: 'end', interrupted: true });
    expect(summary).toMatchObject({ interrupted: 'SIGINT', failed: 0, revoked: countOf(records, 'outcome') });
    expect(summary.pending).toBe(USERS - summary.revoked);
    expect(summary.pending).toBeGreaterThan(0);
    // Nothing was sent after the stop: the emulator saw exactly the attempts the journal holds.
    const { requests } = await world.emulator().control.getRequests();
    expect(requests).toHaveLength(countOf(records, 'attempt'));
    expect((await world.emulator().control.getTokens(slowUser, APP_ID)).grant_active).toBe(false);

    const rest = await runCli([...command, '--rate', '1000'], world.env(), world.cwd());
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ revoked: USERS, pending: 0, interrupted: null });
    expect((await world.emulator().control.loadFixtures({})).grants).toBe(0);
  });

  it('a second Ctrl+C aborts the call in flight; the re-run confirms it by listing instead of revoking again', async () => {
    const slowUser = userId(20);
    const { command, result, records } = await interruptWhileSlow(slowUser, 1000, 2, 2);

    expect(result.code).toBe(130);
    expect(unsettledUsers(records)).toEqual(new Set([slowUser]));
    expect(JSON.parse(result.stdout)).toMatchObject({ interrupted: 'SIGINT' });

    // The emulator still revokes once its latency is over, as a slow Stytch would.
    const { control } = world.emulator();
    await expect.poll(async () => (await control.getTokens(slowUser, APP_ID)).grant_active).toBe(false);
    const rest = await runCli([...command, '--rate', '1000'], world.env(), world.cwd());
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ revoked: USERS, pending: 0 });
    const confirmed = readJournal(`${world.cwd()}/run.jsonl`).find(
      (record) => record.type === 'outcome' && record.user_id === slowUser,
    );
    expect(confirmed).toMatchObject({ outcome: 'revoked', confirmed_by_listing: true });
    const { requests } = await control.getRequests();
    const slowRevokes = requests.filter((request) => request.path === stytchRevokePath(slowUser, APP_ID));
    expect(slowRevokes).toHaveLength(1);
  });

  it('SIGTERM during the --all listing: the listing finishes, no revoke starts, exit 143', async () => {
    const { control } = world.emulator();
    const user_id = userId(1);
    await control.loadFixtures({
      users: [{ user_id }],
      connected_apps: [{ connected_app_id: APP_ID, name: 'Compromised Sync' }],
      grants: [{ user_id, connected_app_id: APP_ID, scopes: 'openid' }],
    });
    await injectListFault(control, user_id, { latency_ms: 800 });
    const cli = startCli(['revoke', '--user', user_id, '--all', '--json'], world.env(), world.cwd());
    await expect.poll(async () => (await control.getRequests()).requests.length, { timeout: 10_000 }).toBe(1);
    cli.child.kill('SIGTERM');
    const result = await cli.exited;

    expect(result.code).toBe(143);
    expect(JSON.parse(result.stdout)).toMatchObject({
      interrupted: 'SIGTERM',
      total: 1,
      revoked: 0,
      pending: 1,
    });
    expect((await control.getRequests()).requests.map((request) => request.method)).toEqual(['GET']);
  });
});
