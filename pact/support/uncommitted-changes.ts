import { execFileSync } from 'node:child_process';

/**
 * The environment without git's repository overrides (a git hook sets them), so that git works on the
 * repository `cwd` is in, never on another one.
 */
export function envForRepositoryAtCwd(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

/**
 * What `git status` reports under `dir` (modified, deleted or untracked files), one porcelain line per
 * file, paths from the repository root. Empty when `dir` is exactly as committed.
 */
export function uncommittedChanges(dir: string): string[] {
  // No optional locks: a status must never take the index lock from a concurrent git command.
  const status = execFileSync(
    'git',
    ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all', '--', '.'],
    { cwd: dir, encoding: 'utf8', env: envForRepositoryAtCwd() },
  );
  return status.split('\n').filter((line) => line !== '');
}
