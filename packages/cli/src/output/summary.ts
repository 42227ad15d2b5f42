import type { StytchErrorBody } from '@connected-apps/core/wire';
import type { RevokeTarget } from '../args/parse-command.ts';
import { isSettled, type JournalState } from '../journal/journal-state.ts';
import type { OutcomeCounts } from '../journal/records.ts';
import { type Outcome, type Pair, pairKey } from '../run/outcome.ts';
import type { RunTally } from '../run/revoke-run.ts';

/** How a run ended when it did not run to the end. */
export type Interruption = 'SIGINT' | 'SIGTERM';

/**
 * The end of a revoke: every pair of the target set, across every run of the journal, by its latest
 * outcome. `--json` prints exactly this object.
 */
export interface RevokeSummary extends OutcomeCounts {
  command: 'revoke';
  target: RevokeTarget;
  journal: string;
  dry_run: false;
  /** The signal that stopped this run, or `null`. */
  interrupted: Interruption | null;
  /** Pairs in the target set. */
  total: number;
  /** Pairs with no final outcome yet: not started, cut off, or sent by a killed run. Re-run to finish. */
  pending: number;
  /** Failures by Stytch's (or core's) `error_type`. */
  failed_by_error_type: Record<string, number>;
  /** Pairs settled by an earlier run of the same journal, and not touched by this one. */
  settled_earlier: number;
  /** What this run itself did. */
  this_run: OutcomeCounts & { retries: number; duration_ms: number };
  /** Each failed pair with its error (latest outcome). */
  failures: Outcome[];
  /** Why nothing was revoked: the `--all` listing failed with this Stytch-shaped error. */
  list_error?: StytchErrorBody;
}

/** Builds the summary of `pairs` from the journal state after the run. */
export function summarize(input: {
  target: RevokeTarget;
  journal: string;
  pairs: readonly Pair[];
  before: JournalState;
  after: JournalState;
  tally: RunTally;
  retries: number;
  durationMs: number;
  interrupted: Interruption | null;
}): RevokeSummary {
  const { pairs, before, after, tally } = input;
  const counts = { revoked: 0, already_gone: 0, failed: 0 };
  const failed_by_error_type: Record<string, number> = {};
  const failures: Outcome[] = [];
  let pending = 0;
  let settled_earlier = 0;
  for (const pair of pairs) {
    const outcome = after.outcomes.get(pairKey(pair));
    if (outcome === undefined || after.unsettled.has(pairKey(pair))) {
      pending++;
      continue;
    }
    counts[outcome.outcome]++;
    if (isSettled(before, pair)) settled_earlier++;
    if (outcome.outcome === 'failed') {
      const type = outcome.error_type ?? 'unknown';
      failed_by_error_type[type] = (failed_by_error_type[type] ?? 0) + 1;
      failures.push(outcome);
    }
  }
  const this_run = { revoked: 0, already_gone: 0, failed: 0, retries: input.retries, duration_ms: 0 };
  for (const outcome of tally.outcomes) this_run[outcome.outcome]++;
  this_run.duration_ms = Math.round(input.durationMs);
  return {
    command: 'revoke',
    target: input.target,
    journal: input.journal,
    dry_run: false,
    interrupted: input.interrupted,
    total: pairs.length,
    ...counts,
    pending,
    failed_by_error_type,
    settled_earlier,
    this_run,
    failures,
  };
}

/** How many failures the text summary lists (all are in `--json` and in the journal). */
const LISTED_FAILURES = 10;

/** The summary for a person. */
export function formatSummary(summary: RevokeSummary): string {
  const lines = [
    `${describeTarget(summary.target)}: ${summary.total} to revoke`,
    `  revoked       ${summary.revoked}`,
    `  already gone  ${summary.already_gone}`,
    `  failed        ${summary.failed}`,
  ];
  if (summary.pending > 0) lines.push(`  pending       ${summary.pending}`);
  if (summary.settled_earlier > 0)
    lines.push(`  (${summary.settled_earlier} of these settled by an earlier run)`);
  if (summary.list_error) lines.push(`Listing the user's apps failed: ${describeError(summary.list_error)}`);
  const types = Object.entries(summary.failed_by_error_type);
  if (types.length > 0) {
    lines.push('Failed by error type:', ...types.map(([type, count]) => `  ${type}  ${count}`));
    lines.push(`Failures${summary.failures.length > LISTED_FAILURES ? ` (first ${LISTED_FAILURES})` : ''}:`);
    for (const failure of summary.failures.slice(0, LISTED_FAILURES)) {
      lines.push(`  ${failure.user_id} ${failure.connected_app_id}: ${describeError(failure)}`);
    }
  }
  if (summary.interrupted) {
    lines.push(`Interrupted (${summary.interrupted}): re-run the same command to finish the rest.`);
  } else if (summary.failed > 0 || summary.pending > 0) {
    lines.push('Re-run the same command to retry what is left; settled pairs are not sent again.');
  }
  lines.push(`Journal: ${summary.journal}`);
  return `${lines.join('\n')}\n`;
}

/** `--app A for 10000 users`, `--user U, every app`, `--user U --app A`. */
export function describeTarget(target: RevokeTarget): string {
  switch (target.kind) {
    case 'one':
      return `${target.connected_app_id} for ${target.user_id}`;
    case 'all-apps':
      return `every app of ${target.user_id}`;
    case 'many-users':
      return `${target.connected_app_id} for the users in ${target.usersFile}`;
  }
}

function describeError(
  error: Pick<Outcome, 'status_code' | 'error_type' | 'error_message' | 'request_id'>,
): string {
  const status = error.status_code === 0 ? '' : ` (${error.status_code})`;
  return `${error.error_type}${status}: ${error.error_message} [request_id: ${error.request_id}]`;
}
