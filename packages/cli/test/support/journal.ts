import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalRecord } from '../../src/index.ts';

/** The journal's complete lines, parsed (a line cut short by a kill is left out, as the CLI does). */
export function readJournal(path: string): JournalRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalRecord);
}

/** The one journal the CLI made in `dir` by default. */
export function defaultJournalIn(dir: string, files: readonly string[]): string {
  const journals = files.filter((name) => /^connected-apps-[0-9a-f]{16}\.journal\.jsonl$/.test(name));
  if (journals.length !== 1)
    throw new Error(`expected one default journal in ${dir}, found ${journals.length}`);
  return join(dir, journals[0] as string);
}

/** Pairs whose `attempt` has no later `outcome`. */
export function unsettledUsers(records: readonly JournalRecord[]): Set<string> {
  const open = new Set<string>();
  for (const record of records) {
    if (record.type === 'attempt') open.add(record.user_id);
    if (record.type === 'outcome') open.delete(record.user_id);
  }
  return open;
}

/** Resolves once `predicate` holds for the journal (polled), or rejects after `timeoutMs`. */
export async function waitForJournal(
  path: string,
  predicate: (records: JournalRecord[]) => boolean,
  timeoutMs = 10_000,
): Promise<JournalRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = readJournal(path);
    if (predicate(records)) return records;
    if (Date.now() > deadline) throw new Error(`the journal ${path} never reached the expected state`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How many records of `type` the journal holds. */
export function countOf(records: readonly JournalRecord[], type: JournalRecord['type']): number {
  return records.filter((record) => record.type === type).length;
}
