import { parseArgs } from 'node:util';
import type { VerifyBackendOptions } from '../verify-backend.ts';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;

/** What the command line asked for: help, or a verification with its options. */
export type Command = { kind: 'help' } | { kind: 'verify'; options: VerifyBackendOptions };

/** A command line that cannot be run; its message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Reads `verify` and its flags (`node:util`'s `parseArgs`); the broker's URL and credentials may also
 * come from Pact's usual environment variables. Throws a {@link UsageError} naming what is wrong.
 *
 * @example
 * parseCommand(['verify', '--provider-base-url', 'http://127.0.0.1:8080', …], process.env);
 */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Command {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1 || positionals[0] !== 'verify') {
    throw new UsageError(
      positionals.length === 0
        ? 'No command given: the command is verify.'
        : `Unknown command "${positionals.join(' ')}": the command is verify.`,
    );
  }
  const providerBaseUrl = requiredUrl(values['provider-base-url'], '--provider-base-url');
  const providerStatesSetupUrl = requiredUrl(
    values['provider-states-setup-url'],
    '--provider-states-setup-url',
  );
  const logLevel = values['log-level'];
  if (logLevel !== undefined && !(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  }
  const brokerUrl = values['broker-url'] ?? (env.PACT_BROKER_BASE_URL || undefined);
  const options: VerifyBackendOptions = {
    providerBaseUrl,
    providerStatesSetupUrl,
    ...(values.pact === undefined ? {} : { pact: values.pact }),
    ...(brokerUrl === undefined ? {} : { brokerUrl: optionalUrl(brokerUrl, '--broker-url') }),
    ...(env.PACT_BROKER_TOKEN ? { brokerToken: env.PACT_BROKER_TOKEN } : {}),
    ...(env.PACT_BROKER_USERNAME
      ? { brokerUsername: env.PACT_BROKER_USERNAME, brokerPassword: env.PACT_BROKER_PASSWORD ?? '' }
      : {}),
    ...(values['provider-name'] === undefined ? {} : { providerName: values['provider-name'] }),
    ...(values['provider-version'] === undefined ? {} : { providerVersion: values['provider-version'] }),
    ...(values['provider-branch'] === undefined ? {} : { providerBranch: values['provider-branch'] }),
    publish: values.publish ?? false,
    ...(logLevel === undefined ? {} : { logLevel: logLevel as (typeof LOG_LEVELS)[number] }),
  };
  if (options.pact !== undefined && options.brokerUrl !== undefined) {
    throw new UsageError('Give either --pact or a broker (--broker-url, PACT_BROKER_BASE_URL), not both.');
  }
  return { kind: 'verify', options };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'provider-base-url': { type: 'string' },
      'provider-states-setup-url': { type: 'string' },
      pact: { type: 'string' },
      'broker-url': { type: 'string' },
      'provider-name': { type: 'string' },
      'provider-version': { type: 'string' },
      'provider-branch': { type: 'string' },
      publish: { type: 'boolean' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function requiredUrl(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required.`);
  return optionalUrl(value, flag);
}

function optionalUrl(value: string, flag: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new UsageError(`${flag} must be an http(s) URL (got "${value}").`);
  }
  return value;
}
