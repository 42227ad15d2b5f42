import { resolve } from 'node:path';
import { isConnectedAppsError, type RetryInfo } from '@connected-apps/core';
import type { StytchErrorBody } from '@connected-apps/core/wire';
import type { Command } from '../args/parse-command.ts';
import type { CliIo } from '../cli-io.ts';
import { type Credentials, readCredentials, requireConsentForLive } from '../config/credentials.ts';
import { CliError } from '../errors/cli-error.ts';
import { EXIT } from '../errors/exit-codes.ts';
import { readUserIds } from '../input/read-user-ids.ts';
import { JournalFile } from '../journal/journal-file.ts';
import { defaultJournalPath, sameTarget } from '../journal/journal-path.ts';
import { foldJournal, type JournalState } from '../journal/journal-state.ts';
import { JOURNAL_VERSION, type JournalRecord, type JournalTarget } from '../journal/records.ts';
import { createProgress, type Progress } from '../output/progress.ts';
import { describeTarget, formatSummary, summarize } from '../output/summary.ts';
import { Interrupts } from '../run/interrupts.ts';
import type { Outcome, Pair } from '../run/outcome.ts';
import { PairQueue } from '../run/pair-queue.ts';
import { runPairs } from '../run/revoke-run.ts';
import { allAppsPairs, journalTarget, remainingWork } from '../run/targets.ts';
import { type CliClient, createCliClient } from '../stytch/create-client.ts';
import { printDryRun } from './dry-run.ts';

type RevokeCommand = Extract<Command, { name: 'revoke' }>;

/** A revoke command with everything checked that can be checked before a call. */
interface Plan {
  command: RevokeCommand;
  credentials: Credentials;
  target: JournalTarget;
  journalPath: string;
  /** The pairs, unless they come from a `--all` listing. */
  pairs: Pair[] | undefined;
}

/**
 * `connected-apps revoke`: checks everything it can before any call (credentials, consent for a live
 * project, the `--users` file, the journal), then revokes what the journal does not already settle.
 */
export async function revokeCommand(command: RevokeCommand, io: CliIo): Promise<number> {
  const plan = makePlan(command, io);
  return command.dryRun ? dryRun(plan, io) : run(plan, io);
}

function makePlan(command: RevokeCommand, io: CliIo): Plan {
  const credentials = readCredentials(io.env);
  if (!command.dryRun) requireConsentForLive(credentials.project_id, command.yes);
  const { target } = command;
  const users = target.kind === 'many-users' ? readUserIds(target.usersFile, io.cwd).ids : [];
  const jTarget = journalTarget(credentials.project_id, target, users);
  const journalPath =
    command.journal === undefined ? defaultJournalPath(io.cwd, jTarget) : resolve(io.cwd, command.journal);
  const pairs =
    target.kind === 'one'
      ? [{ user_id: target.user_id, connected_app_id: target.connected_app_id }]
      : target.kind === 'many-users'
        ? users.map((user_id) => ({ user_id, connected_app_id: target.connected_app_id }))
        : undefined;
  return { command, credentials, target: jTarget, journalPath, pairs };
}

async function dryRun(plan: Plan, io: CliIo): Promise<number> {
  const state = checkedState(JournalFile.read(plan.journalPath), plan);
  const client = createCliClient(plan.credentials, plan.command.limits, () => undefined);
  try {
    const pairs = plan.pairs ?? (await listAllApps(client, plan, state));
    return printDryRun(io, plan.command, plan.journalPath, pairs, state);
  } finally {
    await client.close();
  }
}

async function run(plan: Plan, io: CliIo): Promise<number> {
  const { command, journalPath } = plan;
  const { file, records } = JournalFile.open(journalPath);
  let before: JournalState;
  try {
    before = checkedState(records, plan);
  } catch (error) {
    file.close();
    throw error;
  }
  const startedAt = performance.now();
  const queue = new PairQueue(command.limits.concurrency);
  // Notices go above the progress bar once there is one.
  let note = (line: string) => io.stderr.write(`${line}\n`);
  let retries = 0;
  const onRetry = (info: RetryInfo) => {
    retries++;
    if (info.status !== 429) return;
    queue.hold(info.delayMs);
    note(`Stytch answered 429: no new call for ${(info.delayMs / 1000).toFixed(1)} s.`);
  };
  const client = createCliClient(plan.credentials, command.limits, onRetry);
  const interrupts = new Interrupts(io.signals, (signal) => {
    const dropped = queue.stop();
    note(
      `${signal}: stopping; ${dropped} not started. Waiting for the calls in flight (again to abort them).`,
    );
  });
  file.append({ type: 'run', v: JOURNAL_VERSION, at: new Date().toISOString(), target: plan.target });
  let progress: Progress | undefined;
  try {
    let pairs = plan.pairs;
    let listError: StytchErrorBody | undefined;
    if (pairs === undefined) {
      try {
        pairs = await listAllApps(client, plan, before, file);
      } catch (error) {
        if (!isConnectedAppsError(error)) throw error;
        listError = error.toJSON();
        pairs = allAppsPairs(listUser(plan), [], before);
      }
    }
    const work = listError ? { revoke: [], check: [] } : remainingWork(pairs, before);
    announce(io, plan, pairs.length, work, before);
    const shown = createProgress(io.stderr, work.revoke.length + work.check.length);
    progress = shown;
    note = shown.note;
    const onOutcome = (outcome: Outcome) => shown.tick(outcome.outcome);
    const { signal } = interrupts;
    const tally = await runPairs({ stytch: client.stytch, journal: file, queue, signal, onOutcome }, work);
    shown.stop();
    progress = undefined;
    const summary = summarize({
      target: command.target,
      journal: journalPath,
      pairs,
      before,
      after: foldJournal(JournalFile.read(journalPath)),
      tally,
      retries,
      durationMs: performance.now() - startedAt,
      interrupted: interrupts.received,
    });
    if (listError) summary.list_error = listError;
    const { revoked, already_gone, failed } = summary;
    const interrupted = interrupts.received !== null;
    file.append({
      type: 'end',
      at: new Date().toISOString(),
      interrupted,
      counts: { revoked, already_gone, failed },
    });
    io.stdout.write(command.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
    if (interrupts.received) return interrupts.received === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
    return failed > 0 || summary.pending > 0 || listError ? EXIT.failed : EXIT.ok;
  } finally {
    progress?.stop(); // only when the run failed midway: the terminal gets its cursor back
    interrupts.release();
    file.close();
    await client.close();
  }
}

/** The journal's state, once it is known to belong to this command. */
function checkedState(records: readonly JournalRecord[], plan: Plan): JournalState {
  const state = foldJournal(records);
  if (state.target !== undefined && !sameTarget(state.target, plan.target)) {
    const { kind, project_id } = state.target;
    throw new CliError(
      'journal_mismatch',
      `${plan.journalPath} is the journal of another command (${kind} in ${project_id}): pass another --journal.`,
      { journal_target: state.target },
    );
  }
  return state;
}

function listUser(plan: Plan): string {
  const { target } = plan.command;
  if (target.kind !== 'all-apps') throw new Error('only revoke --all lists the apps');
  return target.user_id;
}

/** Lists the user's apps (`--all`), journals the listing, and returns every pair of the target set. */
async function listAllApps(
  client: CliClient,
  plan: Plan,
  state: JournalState,
  file?: JournalFile,
): Promise<Pair[]> {
  const user_id = listUser(plan);
  const { connected_apps } = await client.stytch.users.connectedApps({ user_id });
  const connected_app_ids = connected_apps.map((app) => app.connected_app_id);
  file?.append({ type: 'listed', at: new Date().toISOString(), user_id, connected_app_ids });
  return allAppsPairs(user_id, connected_app_ids, state);
}

function announce(
  io: CliIo,
  plan: Plan,
  total: number,
  work: { revoke: Pair[]; check: Pair[] },
  before: JournalState,
): void {
  const left = work.revoke.length + work.check.length;
  const resumed = before.runs > 0 ? `; resuming ${plan.journalPath}, ${total - left} settled earlier` : '';
  const checks =
    work.check.length > 0 ? `; ${work.check.length} sent by a stopped run are checked first` : '';
  io.stderr.write(
    `${describeTarget(plan.command.target)}: ${left} of ${total} to revoke${resumed}${checks}.\n`,
  );
}
