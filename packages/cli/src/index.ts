/**
 * `@connected-apps/cli`: the `connected-apps` operator CLI. The bin is the product; this entry lets a
 * script run the same commands in-process (`main`) and read the journal and `--users` formats.
 */

export { DEFAULTS } from './args/options.ts';
export type { CallLimits, Command, RevokeTarget } from './args/parse-command.ts';
export type { CliIo } from './cli-io.ts';
export type { DryRunSummary } from './commands/dry-run.ts';
export { CLI_ERRORS_URL, CliError, type CliErrorType, isCliError } from './errors/cli-error.ts';
export { EXIT } from './errors/exit-codes.ts';
export { parseUserIds, readUserIds, type UserIdList } from './input/read-user-ids.ts';
export { foldJournal, type JournalState } from './journal/journal-state.ts';
export type { JournalRecord, JournalTarget, OutcomeCounts } from './journal/records.ts';
export { main } from './main.ts';
export type { Interruption, RevokeSummary } from './output/summary.ts';
export type { Outcome, OutcomeKind, Pair } from './run/outcome.ts';
