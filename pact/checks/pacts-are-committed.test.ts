import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envForRepositoryAtCwd, uncommittedChanges } from '../support/uncommitted-changes.ts';

describe('uncommittedChanges', () => {
  const repo = mkdtempSync(join(tmpdir(), 'pacts-repo-'));
  const pacts = join(repo, 'pact', 'pacts');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, env: envForRepositoryAtCwd() },
    );
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reports nothing for committed files, then each changed, deleted and new one', () => {
    mkdirSync(pacts, { recursive: true });
    writeFileSync(join(pacts, 'a-b.json'), '{}\n');
    writeFileSync(join(pacts, 'c-d.json'), '{}\n');
    writeFileSync(join(repo, 'elsewhere.txt'), 'x\n');
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'pacts');
    expect(uncommittedChanges(pacts)).toEqual([]);

    writeFileSync(join(pacts, 'a-b.json'), '{"interactions":[]}\n');
    rmSync(join(pacts, 'c-d.json'));
    writeFileSync(join(pacts, 'e-f.json'), '{}\n');
    writeFileSync(join(repo, 'elsewhere.txt'), 'changed, but not a pact\n');
    expect(uncommittedChanges(pacts)).toEqual([
      ' M pact/pacts/a-b.json',
      ' D pact/pacts/c-d.json',
      '?? pact/pacts/e-f.json',
    ]);
  });
});
