import type { Outcome } from '../run/outcome.ts';

/** The journal format's version, in every `run` record. */
export const JOURNAL_VERSION = 1;

/**
 * What a journal is about: the project and the command's target set. A journal only ever serves the
 * command it was made for; `users_sha256` stands for a `--users` file's ids (sorted, one per line).
 */
export type JournalTarget =
  | { project_id: string; kind: 'one'; user_id: string; connected_app_id: string }
  | { project_id: string; kind: 'all-apps'; user_id: string }
  | { project_id: string; kind: 'many-users'; connected_app_id: string; users: number; users_sha256: string };

/** Counts of a run's end record and of the summary. */
export interface OutcomeCounts {
  revoked: number;
  already_gone: number;
  failed: number;
}

/**
 * One journal line. `run` opens every run (the first names the target); `listed` keeps the apps a
 * `--all` listing found; `attempt` is written before a revoke is sent and `outcome` once it settles;
 * `end` closes a run that was not killed.
 */
export type JournalRecord =
  | { type: 'run'; v: typeof JOURNAL_VERSION; at: string; target: JournalTarget }
  | { type: 'listed'; at: string; user_id: string; connected_app_ids: string[] }
  | { type: 'attempt'; at: string; user_id: string; connected_app_id: string }
  | ({ type: 'outcome'; at: string } & Outcome)
  | { type: 'end'; at: string; interrupted: boolean; counts: OutcomeCounts };
