import { VerificationFailedError } from '../verification-failure.ts';
import { verifyBackend } from '../verify-backend.ts';
import { parseCommand, UsageError } from './parse-args.ts';
import { USAGE } from './usage.ts';

/** Where the CLI writes, and what it reads the broker settings from. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `connected-apps-contracts <argv>`: resolves with the exit code, 0 when the backend honours the
 * pact, 1 when it does not, the verification could not run, or the command line is wrong.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const { options } = command;
  const source = options.brokerUrl ?? options.pact ?? 'the pact in @connected-apps/contracts';
  io.stdout.write(`Verifying ${options.providerBaseUrl} against ${source}\n`);
  try {
    await verifyBackend(options);
  } catch (error) {
    if (!(error instanceof VerificationFailedError)) throw error;
    io.stderr.write(
      error.mismatches.length > 0
        ? `\n✗ ${error.message}\n`
        : `\n✗ The verification could not run: ${error.message}\n`,
    );
    return 1;
  }
  io.stdout.write(
    `\n✓ ${options.providerBaseUrl} honours the connected-apps-react → connected-apps-proxy pact.${options.publish ? ' Result published.' : ''}\n`,
  );
  return 0;
}
