import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { CliError } from '../errors/cli-error.ts';

/**
 * A lock beside the journal (`<journal>.lock`, holding the owner's pid), so two runs of one command
 * cannot revoke the same pairs at once. Hand-written rather than a lock library's: those judge a lock
 * stale by its age, which would refuse the re-run right after a crash; a pid tells at once whether
 * the owner still lives (the journal is on this machine, so its pid is meaningful).
 */
export class JournalLock {
  readonly #path: string;

  private constructor(path: string) {
    this.#path = path;
  }

  /** Takes the lock, or throws a `CliError` (`journal_in_use`) naming the live run that holds it. */
  static acquire(journalPath: string): JournalLock {
    const path = `${journalPath}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new JournalLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(path, error);
      }
      const owner = Number(readOwner(path));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new CliError(
          'journal_in_use',
          `Another run (pid ${owner}) is using this journal; wait for it, or stop it first (${path}).`,
        );
      }
      rmSync(path, { force: true }); // its owner died without releasing it
    }
    throw lockError(path, new Error('the lock keeps coming back'));
  }

  release(): void {
    rmSync(this.#path, { force: true });
  }
}

function readOwner(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(path: string, error: unknown): CliError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new CliError('unreadable_journal', `Cannot lock the journal (${path}: ${reason}).`);
}
