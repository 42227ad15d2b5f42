import { readdirSync } from 'node:fs';
import { injectRevokeFault, stytchRevokePath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import type { RevokeSummary } from '../src/index.ts';
import { runCli, startCli } from './support/cli-process.ts';
import { APP_ID, oneAppGrantedBy, userId } from './support/grants.ts';
import { countOf, defaultJournalIn, readJournal, unsettledUsers, waitForJournal } from './support/journal.ts';
import { runMain } from './support/run-main.ts';
import { useCliWorld } from './support/use-cli-world.ts';

const world = useCliWorld();

/** Waits for the CLI's default journal to appear in the working folder. */
async function journalOnceCreated(): Promise<string> {
  for (let tries = 0; tries < 400; tries++) {
    try {
      return defaultJournalIn(world.cwd(), readdirSync(world.cwd()));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error('the CLI never created its journal');
}

describe('resuming after SIGKILL', () => {
  it('finishes the rest on the same command, revokes nothing twice, and sums up both runs', async () => {
    const users = 2000;
    const { control } = world.emulator();
    const { fixtures, userIds } = oneAppGrantedBy(users);
    await control.loadFixtures(fixtures);
    const file = world.file('users.txt', userIds.join('\n'));
    const command = ['revoke', '--app', APP_ID, '--users', file, '--json'];

    const first = startCli([...command, '--rate', '500'], world.env(), world.cwd());
    const journal = await journalOnceCreated();
    await waitForJournal(journal, (records) => countOf(records, 'outcome') >= users / 2);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const left = readJournal(journal);
    const settledByFirst = countOf(left, 'outcome');
    const unsettled = unsettledUsers(left);
    expect(settledByFirst).toBeGreaterThanOrEqual(users / 2);
    expect(unsettled.size).toBeGreaterThan(0);
    expect((await control.loadFixtures({})).grants).toBeGreaterThan(0);

    const second = await runCli([...command, '--rate', '2000'], world.env(), world.cwd());
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`resuming ${journal}`);
    const summary = JSON.parse(second.stdout) as RevokeSummary;
    expect(summary).toMatchObject({ total: users, revoked: users, failed: 0, pending: 0 });
    expect(summary.settled_earlier).toBe(settledByFirst);
    expect(summary.this_run.revoked).toBe(users - settledByFirst);
    expect((await control.loadFixtures({})).grants).toBe(0);

    // Each user's revoke reached the emulator exactly once across both runs; the revokes the killed
    // run sent without recording the answer were settled by listing the user's apps instead.
    const { requests } = await control.getRequests();
    const revokes = new Map<string, number>();
    for (const request of requests) {
      if (request.method === 'POST') revokes.set(request.path, (revokes.get(request.path) ?? 0) + 1);
    }
    expect(revokes.size).toBe(users);
    expect([...revokes.values()].every((count) => count === 1)).toBe(true);
    for (const user of userIds.slice(0, 3)) expect(revokes.get(stytchRevokePath(user, APP_ID))).toBe(1);
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(unsettled.size);
  }, 30_000);
});

// These run `main` in this process (still over HTTP): nothing here depends on the process itself.
describe('re-running after failures', () => {
  it('exits 1 naming each failure by type, and a re-run revokes only what failed', async () => {
    const { control } = world.emulator();
    const { fixtures, userIds } = oneAppGrantedBy(50);
    await control.loadFixtures(fixtures);
    const broken = [userId(7), userId(33)];
    for (const user of broken) await injectRevokeFault(control, user, APP_ID, { status: 500, times: 100 });
    const command = ['revoke', '--app', APP_ID, '--users', world.file('users.txt', userIds.join('\n'))];
    const limits = ['--retries', '1', '--rate', '500'];

    const first = await runMain([...command, ...limits, '--json'], world.env(), world.cwd());
    expect(first.code).toBe(1);
    const failed = JSON.parse(first.stdout) as RevokeSummary;
    expect(failed).toMatchObject({
      revoked: 48,
      failed: 2,
      failed_by_error_type: { internal_server_error: 2 },
    });
    expect(failed.failures.map((failure) => failure.user_id).sort()).toEqual(broken);
    expect(failed.failures[0]).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect(failed.failures[0]?.request_id).toMatch(/^request-id-test-/);

    await control.clearFaults();
    await control.clearRequests();
    const second = await runMain([...command, ...limits], world.env(), world.cwd());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/revoked\s+50\n/);
    expect(second.stdout).toContain('48 of these settled by an earlier run');
    const { requests } = await control.getRequests();
    expect(requests.map((request) => request.path).sort()).toEqual(
      broken.map((user) => stytchRevokePath(user, APP_ID)),
    );
  });

  it('revoke --all: a re-run revokes only the app that failed, and the summary still counts every app', async () => {
    const { control } = world.emulator();
    const user_id = userId(1);
    const apps = ['connected-app-test-a', 'connected-app-test-b', 'connected-app-test-c'];
    await control.loadFixtures({
      users: [{ user_id }],
      connected_apps: apps.map((connected_app_id) => ({ connected_app_id, name: connected_app_id })),
      grants: apps.map((connected_app_id) => ({ user_id, connected_app_id, scopes: 'openid' })),
    });
    await injectRevokeFault(control, user_id, 'connected-app-test-b', { status: 503, times: 100 });
    const command = ['revoke', '--user', user_id, '--all', '--retries', '0', '--json'];

    const first = await runMain(command, world.env(), world.cwd());
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 3, revoked: 2, failed: 1 });

    await control.clearFaults();
    await control.clearRequests();
    const second = await runMain(command, world.env(), world.cwd());
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ total: 3, revoked: 3, failed: 0, settled_earlier: 2 });
    const { requests } = await control.getRequests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/users/${user_id}/connected_apps`,
      `POST ${stytchRevokePath(user_id, 'connected-app-test-b')}`,
    ]);
  });
});
