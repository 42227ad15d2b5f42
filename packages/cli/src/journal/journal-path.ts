import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { JournalTarget } from './records.ts';

/**
 * The default journal of a target: `connected-apps-<hash>.journal.jsonl` in `cwd`, the hash being the
 * first 16 hex digits of the SHA-256 of the target (project, command, ids), so re-running the same
 * command in the same folder finds the same journal, and any other command gets its own.
 */
export function defaultJournalPath(cwd: string, target: JournalTarget): string {
  return resolve(cwd, `connected-apps-${sha256(canonicalJson(target)).slice(0, 16)}.journal.jsonl`);
}

/** SHA-256 of a `--users` id set, order and repeats ignored: the same set always hashes the same. */
export function userSetDigest(ids: readonly string[]): string {
  return sha256([...new Set(ids)].sort().join('\n'));
}

/** Whether two targets are the same (key order aside). */
export function sameTarget(a: JournalTarget, b: JournalTarget): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(target: JournalTarget): string {
  const entries = Object.entries(target).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(entries));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
