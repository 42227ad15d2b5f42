import { isAbortError, type StytchClient } from '@connected-apps/core';
import type { JournalFile } from '../journal/journal-file.ts';
import { errorOutcome, type Outcome, type Pair, revokedOutcome } from './outcome.ts';
import type { PairQueue } from './pair-queue.ts';

/** What one run did. */
export interface RunTally {
  /**
   * Outcomes this run recorded, in the order they settled. A call cut off by a second Ctrl+C records
   * none: its pair stays unsettled in the journal, for the next run to check.
   */
  outcomes: Outcome[];
}

/** What a run needs: the client, the journal, the queue, and who hears of each outcome. */
export interface RevokeRunContext {
  stytch: StytchClient;
  journal: JournalFile;
  queue: PairQueue;
  /** Fires on a second Ctrl+C, aborting the calls in flight. */
  signal: AbortSignal;
  onOutcome: (outcome: Outcome) => void;
}

/**
 * Revokes `revoke` pairs and settles `check` pairs (an earlier run sent their revoke but never saw
 * the answer) through the queue. Each revoke is journaled as an `attempt` before it is sent and as
 * an `outcome` once it settles. A check lists the user's apps first and revokes only an app still
 * granted, so a revoke that did reach Stytch before a crash is not sent twice.
 */
export async function runPairs(
  context: RevokeRunContext,
  work: { revoke: readonly Pair[]; check: readonly Pair[] },
): Promise<RunTally> {
  const tally: RunTally = { outcomes: [] };
  const record = (outcome: Outcome) => {
    context.journal.append({ type: 'outcome', at: now(), ...outcome });
    tally.outcomes.push(outcome);
    context.onOutcome(outcome);
  };

  const revoke = async (pair: Pair): Promise<void> => {
    context.journal.append({ type: 'attempt', at: now(), ...pair });
    try {
      record(revokedOutcome(pair, await context.stytch.users.revoke(pair, { signal: context.signal })));
    } catch (error) {
      if (!isAbortError(error)) record(errorOutcome(pair, error));
    }
  };

  const check = async (pair: Pair): Promise<void> => {
    let granted: boolean;
    let request_id: string;
    try {
      const listing = await context.stytch.users.connectedApps(
        { user_id: pair.user_id },
        { signal: context.signal },
      );
      granted = listing.connected_apps.some((app) => app.connected_app_id === pair.connected_app_id);
      request_id = listing.request_id;
    } catch (error) {
      if (!isAbortError(error)) record(errorOutcome(pair, error));
      return;
    }
    if (granted) return revoke(pair);
    record({ ...pair, outcome: 'revoked', status_code: 200, request_id, confirmed_by_listing: true });
  };

  // A journal that cannot be written (a full disk, say) ends the run: going on would lose track.
  let journalError: unknown;
  const guarded = (task: () => Promise<void>) => async () => {
    try {
      await task();
    } catch (error) {
      journalError ??= error;
      context.queue.stop();
    }
  };
  for (const pair of work.check) context.queue.add(guarded(() => check(pair)));
  for (const pair of work.revoke) context.queue.add(guarded(() => revoke(pair)));
  await context.queue.drained();
  if (journalError !== undefined) throw journalError;
  return tally;
}

function now(): string {
  return new Date().toISOString();
}
