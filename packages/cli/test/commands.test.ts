import { readdirSync, readFileSync } from 'node:fs';
import { injectRevokeFault, stytchListPath, stytchRevokePath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import type { DryRunSummary, RevokeSummary } from '../src/index.ts';
import { runCli } from './support/cli-process.ts';
import { APP_ID, oneAppGrantedBy, userId } from './support/grants.ts';
import { defaultJournalIn } from './support/journal.ts';
import { runMain } from './support/run-main.ts';
import { useCliWorld } from './support/use-cli-world.ts';

const world = useCliWorld();
const OTHER_APP = 'connected-app-test-0c11e5a1-0000-4000-8000-00000000b991';

/** One user who granted APP_ID and OTHER_APP. */
async function userWithTwoApps(): Promise<string> {
  const user_id = userId(1);
  await world.emulator().control.loadFixtures({
    users: [{ user_id }],
    connected_apps: [
      { connected_app_id: APP_ID, name: 'Compromised Sync' },
      { connected_app_id: OTHER_APP, name: 'Notes', client_type: 'first_party' },
    ],
    grants: [
      { user_id, connected_app_id: APP_ID, scopes: ['openid', 'email'] },
      { user_id, connected_app_id: OTHER_APP, scopes: 'openid' },
    ],
  });
  return user_id;
}

/** Most cases run `main` in this process (still over HTTP to the emulator); signals and exits are the bin's tests. */
const cli = (args: string[]) => runMain(args, world.env(), world.cwd());

async function requestLines(): Promise<string[]> {
  const { requests } = await world.emulator().control.getRequests();
  return requests.map((request) => `${request.method} ${request.path}`);
}

describe('revoke --user --app', () => {
  it('revokes one grant and prints the summary; re-running the same command sends nothing', async () => {
    const user_id = await userWithTwoApps();
    const first = await cli(['revoke', '--user', user_id, '--app', APP_ID]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/revoked\s+1\n\s+already gone\s+0\n\s+failed\s+0/);
    expect(await requestLines()).toEqual([`POST ${stytchRevokePath(user_id, APP_ID)}`]);
    expect((await world.emulator().control.getTokens(user_id, OTHER_APP)).grant_active).toBe(true);

    const journal = defaultJournalIn(world.cwd(), readdirSync(world.cwd()));
    await world.emulator().control.clearRequests();
    const again = await cli(['revoke', '--user', user_id, '--app', APP_ID, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ revoked: 1, settled_earlier: 1, journal });
    expect(await requestLines()).toEqual([]);
  });

  it.each([
    ['an app Stytch does not know', () => userId(1), 'connected-app-test-missing', 'connected_app_not_found'],
    ['a user Stytch does not know', () => 'user-test-missing', APP_ID, 'user_not_found'],
  ])('counts %s as already gone, not failed (exit 0)', async (_case, user, app, errorType) => {
    await userWithTwoApps();
    const result = await cli(['revoke', '--user', user(), '--app', app, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RevokeSummary;
    expect(summary).toMatchObject({ revoked: 0, already_gone: 1, failed: 0 });
    const journal = readFileSync(summary.journal, 'utf8');
    expect(journal).toContain(`"outcome":"already_gone","status_code":404`);
    expect(journal).toContain(`"error_type":"${errorType}"`);
  });
});

describe('revoke --user --all', () => {
  it("lists the user's apps, revokes each, and sums up", async () => {
    const user_id = await userWithTwoApps();
    const result = await cli(['revoke', '--user', user_id, '--all', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 2, revoked: 2, failed: 0 });
    const lines = await requestLines();
    expect(lines[0]).toBe(`GET ${stytchListPath(user_id)}`);
    expect(lines.slice(1).sort()).toEqual(
      [`POST ${stytchRevokePath(user_id, APP_ID)}`, `POST ${stytchRevokePath(user_id, OTHER_APP)}`].sort(),
    );
  });

  it('exits 1 with the Stytch error when the listing fails, and revokes nothing', async () => {
    const result = await cli(['revoke', '--user', 'user-test-missing', '--all', '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as RevokeSummary;
    expect(summary.list_error).toMatchObject({ status_code: 404, error_type: 'user_not_found' });
    expect(summary.list_error?.request_id).toMatch(/^request-id-test-/);
    expect(await requestLines()).toEqual([`GET ${stytchListPath('user-test-missing')}`]);
  });
});

describe('--dry-run', () => {
  it('--all lists the apps that would be revoked and sends no revoke', async () => {
    const user_id = await userWithTwoApps();
    const text = await cli(['revoke', '--user', user_id, '--all', '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').filter(Boolean).sort()).toEqual(
      [`${user_id} ${APP_ID}`, `${user_id} ${OTHER_APP}`].sort(),
    );
    expect(text.stderr).toContain('would revoke 2 of 2');
    const json = await cli(['revoke', '--user', user_id, '--all', '--dry-run', '--json']);
    expect((JSON.parse(json.stdout) as DryRunSummary).would_revoke).toHaveLength(2);
    expect((await requestLines()).every((line) => line.startsWith('GET '))).toBe(true);
    expect(readdirSync(world.cwd())).toEqual([]);
  });

  it('--users sends nothing at all and leaves out what the journal settles', async () => {
    const { control } = world.emulator();
    const { fixtures, userIds } = oneAppGrantedBy(5);
    await control.loadFixtures(fixtures);
    const failing = userIds.slice(3);
    for (const user of failing) await injectRevokeFault(control, user, APP_ID, { status: 500 });
    const rows = userIds.map((id) => `${id},a@example.com`).join('\n');
    const command = [
      'revoke',
      '--app',
      APP_ID,
      '--users',
      world.file('users.csv', `user_id,email\n${rows}\n`),
    ];
    expect((await cli([...command, '--retries', '0'])).code).toBe(1);
    const journal = readFileSync(defaultJournalIn(world.cwd(), readdirSync(world.cwd())), 'utf8');
    await control.clearRequests();

    const dry = await cli([...command, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.stdout) as DryRunSummary;
    expect(summary).toMatchObject({ dry_run: true, total: 5, settled_earlier: 3 });
    expect(summary.would_revoke).toEqual(failing.map((user_id) => ({ user_id, connected_app_id: APP_ID })));
    expect(await requestLines()).toEqual([]);
    expect(readFileSync(summary.journal, 'utf8')).toBe(journal);
  });
});

describe('list --user', () => {
  it('prints one line per app, or Stytch answer as JSON', async () => {
    const user_id = await userWithTwoApps();
    const text = await cli(['list', '--user', user_id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `${APP_ID}  third_party  Compromised Sync  openid email\n${OTHER_APP}  first_party  Notes  openid\n`,
    );
    const json = await cli(['list', '--user', user_id, '--json']);
    const listed = JSON.parse(json.stdout);
    expect(listed).toMatchObject({ command: 'list', user_id });
    expect(listed.connected_apps.map((app: { connected_app_id: string }) => app.connected_app_id)).toEqual([
      APP_ID,
      OTHER_APP,
    ]);
    expect(await requestLines()).toEqual([
      `GET ${stytchListPath(user_id)}`,
      `GET ${stytchListPath(user_id)}`,
    ]);
  });
});

describe('--help', () => {
  it('prints the usage, and so does no command at all', async () => {
    for (const args of [['--help'], []]) {
      const result = await cli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^Usage:\n {2}connected-apps revoke --user <user_id> --app <connected_app_id>\n/,
      );
      expect(result.stdout).toContain(
        '--rate <n>             requests per second, retries included (default 50)',
      );
    }
  });
});

describe('errors from Stytch', () => {
  it('a wrong secret fails with Stytch-shaped 401s, and the secret appears nowhere', async () => {
    const user_id = await userWithTwoApps();
    const secret = 'secret-test-wrong-0000000000000000000000000000';
    const env = { ...world.env(), STYTCH_SECRET: secret };
    const list = await runCli(['list', '--user', user_id, '--json'], env, world.cwd());
    expect(list.code).toBe(1);
    expect(JSON.parse(list.stdout).error).toMatchObject({
      status_code: 401,
      error_type: 'unauthorized_credentials',
    });
    const revoke = await runCli(['revoke', '--user', user_id, '--app', APP_ID, '--json'], env, world.cwd());
    expect(revoke.code).toBe(1);
    expect(JSON.parse(revoke.stdout)).toMatchObject({
      failed_by_error_type: { unauthorized_credentials: 1 },
    });
    const journal = readFileSync(JSON.parse(revoke.stdout).journal, 'utf8');
    for (const text of [list.stdout, list.stderr, revoke.stdout, revoke.stderr, journal]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`${world.emulator().projectId}:${secret}`).toString('base64'));
    }
  });

  it('a 429 answer holds new calls for its Retry-After and then carries on', async () => {
    const { control } = world.emulator();
    const { fixtures, userIds } = oneAppGrantedBy(3);
    await control.loadFixtures(fixtures);
    await injectRevokeFault(control, userIds[0] as string, APP_ID, { retry_after: 1 });
    const file = world.file('users.txt', userIds.join('\n'));
    const result = await cli(['revoke', '--app', APP_ID, '--users', file, '--concurrency', '1', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Stytch answered 429: no new call for 1.0 s.');
    const { requests } = await control.getRequests();
    expect(requests.map((request) => request.status)).toEqual([429, 200, 200, 200]);
    const waited = Date.parse(requests[1]?.at ?? '') - Date.parse(requests[0]?.at ?? '');
    expect(waited).toBeGreaterThanOrEqual(950);
  });
});
