import type { Command } from '../args/parse-command.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../errors/exit-codes.ts';
import type { JournalState } from '../journal/journal-state.ts';
import { describeTarget } from '../output/summary.ts';
import type { Pair } from '../run/outcome.ts';
import { remainingWork } from '../run/targets.ts';

/** `--dry-run --json`: what a real run would send, and nothing is sent or written. */
export interface DryRunSummary {
  command: 'revoke';
  target: Extract<Command, { name: 'revoke' }>['target'];
  journal: string;
  dry_run: true;
  total: number;
  /** Pairs the journal already settles. */
  settled_earlier: number;
  /** Pairs a real run would revoke (a pair a killed run sent is listed first, and revoked only if still granted). */
  would_revoke: Pair[];
}

/** Prints what a run would revoke: one `user_id connected_app_id` line each, or the JSON object. */
export function printDryRun(
  io: CliIo,
  command: Extract<Command, { name: 'revoke' }>,
  journal: string,
  pairs: readonly Pair[],
  state: JournalState,
): number {
  const work = remainingWork(pairs, state);
  const would_revoke = [...work.check, ...work.revoke];
  const summary: DryRunSummary = {
    command: 'revoke',
    target: command.target,
    journal,
    dry_run: true,
    total: pairs.length,
    settled_earlier: pairs.length - would_revoke.length,
    would_revoke,
  };
  if (command.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const lines = would_revoke.map((pair) => `${pair.user_id} ${pair.connected_app_id}`);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    io.stderr.write(
      `Dry run, ${describeTarget(command.target)}: would revoke ${would_revoke.length} of ${pairs.length}` +
        ` (${summary.settled_earlier} settled in ${journal}). Nothing was sent.\n`,
    );
  }
  return EXIT.ok;
}
