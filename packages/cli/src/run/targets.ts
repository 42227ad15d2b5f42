import type { RevokeTarget } from '../args/parse-command.ts';
import { userSetDigest } from '../journal/journal-path.ts';
import { isSettled, type JournalState } from '../journal/journal-state.ts';
import type { JournalTarget } from '../journal/records.ts';
import { type Pair, pairKey } from './outcome.ts';

/** The journal's name for a target (`userIds` for `--users`). */
export function journalTarget(
  project_id: string,
  target: RevokeTarget,
  userIds: readonly string[],
): JournalTarget {
  switch (target.kind) {
    case 'one':
      return { project_id, kind: 'one', user_id: target.user_id, connected_app_id: target.connected_app_id };
    case 'all-apps':
      return { project_id, kind: 'all-apps', user_id: target.user_id };
    case 'many-users':
      return {
        project_id,
        kind: 'many-users',
        connected_app_id: target.connected_app_id,
        users: userIds.length,
        users_sha256: userSetDigest(userIds),
      };
  }
}

/**
 * The pairs of a `--all` run: the apps listed now, plus every app an earlier run listed or settled
 * (already revoked apps no longer appear in a listing, and still belong to the summary).
 */
export function allAppsPairs(user_id: string, listedNow: readonly string[], state: JournalState): Pair[] {
  const apps = new Set(listedNow);
  for (const app of state.listed.get(user_id) ?? []) apps.add(app);
  for (const outcome of state.outcomes.values())
    if (outcome.user_id === user_id) apps.add(outcome.connected_app_id);
  return [...apps].map((connected_app_id) => ({ user_id, connected_app_id }));
}

/**
 * What is left of `pairs` after the journal: pairs to `revoke`, and pairs to `check` (a killed run
 * sent their revoke and never recorded the answer). Settled pairs are in neither.
 */
export function remainingWork(
  pairs: readonly Pair[],
  state: JournalState,
): { revoke: Pair[]; check: Pair[] } {
  const revoke: Pair[] = [];
  const check: Pair[] = [];
  for (const pair of pairs) {
    if (state.unsettled.has(pairKey(pair))) check.push(pair);
    else if (!isSettled(state, pair)) revoke.push(pair);
  }
  return { revoke, check };
}
