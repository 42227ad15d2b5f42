import { isConnectedAppsError, localRequestId, type StytchErrorBody } from '@connected-apps/core';
import { type Command, parseCommand } from './args/parse-command.ts';
import { USAGE } from './args/usage.ts';
import type { CliIo } from './cli-io.ts';
import { listCommand } from './commands/list.ts';
import { revokeCommand } from './commands/revoke.ts';
import { CLI_ERRORS_URL, isCliError } from './errors/cli-error.ts';
import { EXIT } from './errors/exit-codes.ts';

/**
 * Runs one command line and resolves to its exit status; never throws. Errors are printed
 * Stytch-shaped (`{"error": {status_code, request_id, error_type, error_message, error_url}}` with
 * `--json`), and never carry the secret (core redacts it from every error it builds).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), { env: process.env, cwd: process.cwd(),
 *   stdout: process.stdout, stderr: process.stderr, signals: process });
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const command = parseCommand(argv);
    return await dispatch(command, io);
  } catch (error) {
    const usage = isCliError(error);
    const body: StytchErrorBody = isConnectedAppsError(error)
      ? error.toJSON()
      : {
          status_code: 0,
          request_id: localRequestId(),
          error_type: 'unexpected_error',
          error_message: error instanceof Error ? error.message : String(error),
          error_url: CLI_ERRORS_URL,
        };
    if (json) io.stdout.write(`${JSON.stringify({ error: body })}\n`);
    const where = usage ? '' : ` [request_id: ${body.request_id}]`;
    io.stderr.write(`connected-apps: ${body.error_type}: ${body.error_message}${where}\n`);
    return usage ? EXIT.usage : EXIT.failed;
  }
}

function dispatch(command: Command, io: CliIo): Promise<number> {
  switch (command.name) {
    case 'help':
      io.stdout.write(USAGE);
      return Promise.resolve(EXIT.ok);
    case 'list':
      return listCommand(command, io);
    case 'revoke':
      return revokeCommand(command, io);
  }
}
