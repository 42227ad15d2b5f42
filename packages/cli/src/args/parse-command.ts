import { parseArgs } from 'node:util';
import { pathParamProblem } from '@connected-apps/core/wire';
import { CliError } from '../errors/cli-error.ts';
import { DEFAULTS, MAX_CONCURRENCY, MAX_RATE } from './options.ts';

/** What `revoke` acts on. */
export type RevokeTarget =
  | { kind: 'one'; user_id: string; connected_app_id: string }
  | { kind: 'all-apps'; user_id: string }
  | { kind: 'many-users'; connected_app_id: string; usersFile: string };

/** How calls are paced and retried. */
export interface CallLimits {
  concurrency: number;
  /** Requests per second. */
  rate: number;
  /** Per-attempt timeout, in ms. */
  timeout: number;
  retries: number;
}

/** A command line, checked. */
export type Command =
  | { name: 'help' }
  | { name: 'list'; json: boolean; user_id: string; limits: CallLimits }
  | {
      name: 'revoke';
      json: boolean;
      target: RevokeTarget;
      dryRun: boolean;
      yes: boolean;
      journal: string | undefined;
      limits: CallLimits;
    };

const OPTIONS = {
  user: { type: 'string' },
  app: { type: 'string' },
  all: { type: 'boolean' },
  users: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  journal: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

/**
 * Reads a command line into a {@link Command}, or throws a `CliError` (`invalid_arguments`, or
 * `invalid_ids` for an id the path-parameter rule refuses) before anything is read or sent.
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliError('invalid_arguments', `${(error as Error).message} (see --help).`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { name: 'help' };
  const [name, ...extra] = positionals;
  if (extra.length > 0) invalid(`Unexpected argument "${extra[0]}".`);
  const json = values.json ?? false;
  if (name === 'list') {
    refuse(values, ['app', 'all', 'users', 'dry-run', 'yes', 'journal', 'concurrency', 'rate'], 'list');
    return { name, json, user_id: id('--user', required(values.user, '--user')), limits: limits(values) };
  }
  if (name === 'revoke') {
    return {
      name,
      json,
      target: revokeTarget(values),
      dryRun: values['dry-run'] ?? false,
      yes: values.yes ?? false,
      journal: values.journal,
      limits: limits(values),
    };
  }
  return invalid(`Unknown command "${name}": use revoke or list.`);
}

function revokeTarget(values: Values): RevokeTarget {
  const { user, app, all, users } = values;
  if (users !== undefined) {
    if (user !== undefined || all) invalid('--users takes --app, not --user or --all.');
    if (users === '') invalid('--users needs a file name.');
    return { kind: 'many-users', connected_app_id: id('--app', required(app, '--app')), usersFile: users };
  }
  const user_id = id('--user', required(user, '--user (or --app with --users)'));
  if (all) {
    if (app !== undefined) invalid('Give --app or --all, not both.');
    return { kind: 'all-apps', user_id };
  }
  if (app === undefined) invalid('revoke --user needs --app <id> or --all.');
  return { kind: 'one', user_id, connected_app_id: id('--app', app) };
}

function limits(values: Values): CallLimits {
  return {
    concurrency: integer(values.concurrency, '--concurrency', DEFAULTS.concurrency, 1, MAX_CONCURRENCY),
    rate: positive(values.rate, '--rate', DEFAULTS.rate, MAX_RATE),
    timeout: integer(values.timeout, '--timeout', DEFAULTS.timeout, 1, 600_000),
    retries: integer(values.retries, '--retries', DEFAULTS.retries, 0, 20),
  };
}

/** An id from the command line, checked with the one path-parameter rule every hop applies. */
function id(flag: string, value: string): string {
  const problem = pathParamProblem(value);
  if (problem !== undefined) throw new CliError('invalid_ids', `${flag} ${problem}.`);
  return value;
}

function required(value: string | undefined, flag: string): string {
  return value ?? invalid(`Missing ${flag}.`);
}

function refuse(values: Values, flags: (keyof Values)[], command: string): void {
  const given = flags.find((flag) => values[flag] !== undefined);
  if (given !== undefined) invalid(`${command} does not take --${given}.`);
}

function integer(raw: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    invalid(`${flag} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function positive(raw: string | undefined, flag: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !(value > 0 && value <= max)) {
    invalid(`${flag} must be a positive number up to ${max}, not "${raw}".`);
  }
  return value;
}

function invalid(message: string): never {
  throw new CliError('invalid_arguments', message);
}
