import { describe, expect, it } from 'vitest';
import { type CliResult, runCli, type StytchEnv } from './support/cli-process.ts';
import { APP_ID, oneAppGrantedBy } from './support/grants.ts';
import { runMain } from './support/run-main.ts';
import { type CliWorld, useCliWorld } from './support/use-cli-world.ts';

const world = useCliWorld();
const live = useCliWorld({ projectId: 'project-live-made-up-for-this-test' });

interface BadInput {
  /** The command line, after writing any file it needs. */
  args: () => string[];
  env?: (env: StytchEnv) => Partial<StytchEnv>;
  error_type: string;
  message: string | RegExp;
}

const users = (text: string) => world.file('users.txt', text);

const CASES: Record<string, BadInput> = {
  'no secret': {
    args: () => ['revoke', '--user', 'user-test-1', '--app', APP_ID],
    env: (env) => ({ STYTCH_PROJECT_ID: env.STYTCH_PROJECT_ID }),
    error_type: 'missing_credentials',
    message: 'Set STYTCH_SECRET (',
  },
  'no project id nor secret': {
    args: () => ['list', '--user', 'user-test-1'],
    env: () => ({}),
    error_type: 'missing_credentials',
    message: 'Set STYTCH_PROJECT_ID and STYTCH_SECRET',
  },
  'a base URL that is not one': {
    args: () => ['list', '--user', 'user-test-1'],
    env: (env) => ({ ...env, STYTCH_BASE_URL: 'ftp:/nowhere' }),
    error_type: 'invalid_arguments',
    message: 'STYTCH_BASE_URL must be an absolute http(s) URL',
  },
  'an unreadable --users file': {
    args: () => ['revoke', '--app', APP_ID, '--users', 'missing.txt'],
    error_type: 'unreadable_file',
    message: 'Cannot read the --users file missing.txt (ENOENT).',
  },
  'malformed ids, by line number': {
    args: () => ['revoke', '--app', APP_ID, '--users', users('user-test-1\n../etc\n\nuser/2\nuser-test-3\n')],
    error_type: 'invalid_ids',
    message:
      'has 2 invalid user ids:\n  line 2: user_id must not contain control characters or / \\ ? # %\n  line 4: user_id must not contain',
  },
  'a malformed id in a CSV user_id column': {
    args: () => ['revoke', '--app', APP_ID, '--users', users('email,user_id\na@x,user-test-1\nb@x,bad%id\n')],
    error_type: 'invalid_ids',
    message: 'line 3: user_id must not contain',
  },
  'a CSV file that does not parse': {
    args: () => [
      'revoke',
      '--app',
      APP_ID,
      '--users',
      users('user_id,email\nuser-test-1,a@x\n"user-test-2,b@x\n'),
    ],
    error_type: 'invalid_ids',
    message: /is not valid CSV at line \d/,
  },
  'a file with no ids': {
    args: () => ['revoke', '--app', APP_ID, '--users', users('\n  \n')],
    error_type: 'invalid_ids',
    message: 'lists no user ids',
  },
  'a malformed --user': {
    args: () => ['revoke', '--user', 'user?x', '--all'],
    error_type: 'invalid_ids',
    message: '--user must not contain control characters',
  },
  'an id over 128 characters': {
    args: () => ['list', '--user', 'u'.repeat(129)],
    error_type: 'invalid_ids',
    message: '--user must be at most 128 characters',
  },
  '--organization (B2B is not supported yet)': {
    args: () => ['revoke', '--app', APP_ID, '--organization', 'organization-test-1'],
    error_type: 'invalid_arguments',
    message: "Unknown option '--organization'",
  },
  'revoke --user without --app or --all': {
    args: () => ['revoke', '--user', 'user-test-1'],
    error_type: 'invalid_arguments',
    message: 'revoke --user needs --app <id> or --all',
  },
  'a concurrency of 0': {
    args: () => ['revoke', '--user', 'user-test-1', '--all', '--concurrency', '0'],
    error_type: 'invalid_arguments',
    message: '--concurrency must be a whole number from 1 to 256, not "0"',
  },
  'a negative rate': {
    args: () => ['revoke', '--user', 'user-test-1', '--all', '--rate=-5'],
    error_type: 'invalid_arguments',
    message: '--rate must be a positive number',
  },
  'an unknown command': {
    args: () => ['revoke-everything'],
    error_type: 'invalid_arguments',
    message: 'Unknown command "revoke-everything"',
  },
  'a journal that belongs to another command': {
    args: () => {
      world.file(
        'other.jsonl',
        `${JSON.stringify({ type: 'run', v: 1, at: '', target: { kind: 'one' } })}\n`,
      );
      return ['revoke', '--user', 'user-test-1', '--all', '--journal', 'other.jsonl'];
    },
    error_type: 'journal_mismatch',
    message: 'is the journal of another command',
  },
  'a journal with a corrupt line': {
    args: () => {
      world.file('broken.jsonl', 'not json\n{"type":"end"}\n');
      return ['revoke', '--user', 'user-test-1', '--all', '--journal', 'broken.jsonl'];
    },
    error_type: 'unreadable_journal',
    message: 'line 1 is not a journal record',
  },
};

async function expectRefused(
  target: CliWorld,
  result: CliResult,
  error_type: string,
  message: string | RegExp,
) {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  const { error } = JSON.parse(result.stdout);
  expect(error).toMatchObject({
    status_code: 0,
    error_type,
    error_url: expect.stringMatching(/#exit-codes$/),
  });
  expect(error.request_id).toMatch(/^local-/);
  expect(error.error_message).toMatch(message);
  const { requests } = await target.emulator().control.getRequests();
  expect(requests).toEqual([]);
  expect(result.stdout + result.stderr).not.toContain(target.emulator().secret);
}

describe('bad input is refused before any call (exit 2)', () => {
  it.each(Object.entries(CASES))('%s', async (_name, { args, env, error_type, message }) => {
    const base = world.env();
    const result = await runMain([...args(), '--json'], env ? env(base) : base, world.cwd());
    await expectRefused(world, result, error_type, message);
  });

  it('the bin exits 2 with the message on stderr, and nothing on stdout without --json', async () => {
    const result = await runCli(
      ['revoke', '--app', APP_ID, '--users', users('ok\n..\n')],
      world.env(),
      world.cwd(),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'connected-apps: invalid_ids: users.txt has 1 invalid user id:\n  line 2: user_id must not be "." or ".."\n',
    );
  });
});

describe('a live project (project-live-…)', () => {
  it('is refused without --yes, and revoked with it', async () => {
    const { fixtures, userIds } = oneAppGrantedBy(2);
    await live.emulator().control.loadFixtures(fixtures);
    const args = ['revoke', '--app', APP_ID, '--users', live.file('users.txt', userIds.join('\n')), '--json'];
    const refused = await runMain(args, live.env(), live.cwd());
    await expectRefused(live, refused, 'live_project_needs_yes', 'is a live project: add --yes');

    const dry = await runMain([...args, '--dry-run'], live.env(), live.cwd());
    expect(dry.code).toBe(0);
    const agreed = await runMain([...args, '--yes'], live.env(), live.cwd());
    expect(agreed.code).toBe(0);
    expect(JSON.parse(agreed.stdout)).toMatchObject({ revoked: 2 });
    expect((await live.emulator().control.loadFixtures({})).grants).toBe(0);
  });
});
