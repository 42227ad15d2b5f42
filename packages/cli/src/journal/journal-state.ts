import { type Outcome, type Pair, pairKey } from '../run/outcome.ts';
import type { JournalRecord, JournalTarget } from './records.ts';

/** What earlier runs left in a journal, folded: the last word on each pair. */
export interface JournalState {
  /** The first run's target; `undefined` for a new journal. */
  target: JournalTarget | undefined;
  /** Runs recorded so far. */
  runs: number;
  /** Apps each `--all` listing found, every listing merged. */
  listed: Map<string, Set<string>>;
  /** The latest outcome of each pair. */
  outcomes: Map<string, Outcome>;
  /** Pairs whose revoke was sent but whose answer was never recorded (the run was killed). */
  unsettled: Map<string, Pair>;
}

/** Folds journal records, oldest first, into a {@link JournalState}. */
export function foldJournal(records: readonly JournalRecord[]): JournalState {
  const state: JournalState = {
    target: undefined,
    runs: 0,
    listed: new Map(),
    outcomes: new Map(),
    unsettled: new Map(),
  };
  for (const record of records) {
    switch (record.type) {
      case 'run':
        state.target ??= record.target;
        state.runs++;
        break;
      case 'listed': {
        const apps = state.listed.get(record.user_id) ?? new Set();
        for (const app of record.connected_app_ids) apps.add(app);
        state.listed.set(record.user_id, apps);
        break;
      }
      case 'attempt': {
        const { user_id, connected_app_id } = record;
        state.unsettled.set(pairKey(record), { user_id, connected_app_id });
        break;
      }
      case 'outcome': {
        const { type: _type, at: _at, ...outcome } = record;
        state.unsettled.delete(pairKey(outcome));
        state.outcomes.set(pairKey(outcome), outcome);
        break;
      }
      case 'end':
        break;
    }
  }
  return state;
}

/** Whether the journal says this pair needs nothing more: revoked, or already gone. */
export function isSettled(state: JournalState, pair: Pair): boolean {
  const outcome = state.outcomes.get(pairKey(pair));
  return outcome !== undefined && outcome.outcome !== 'failed' && !state.unsettled.has(pairKey(pair));
}
