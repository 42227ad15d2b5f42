import { ConnectedAppsError, localRequestId } from '@connected-apps/core';

/** Where the CLI's own error types and exit codes are documented (the package README). */
export const CLI_ERRORS_URL = 'https://www.npmjs.com/package/@connected-apps/cli#exit-codes';

/** The CLI's own error types: each is found before any call to Stytch, and exits with status 2. */
export type CliErrorType =
  | 'invalid_arguments'
  | 'missing_credentials'
  | 'live_project_needs_yes'
  | 'unreadable_file'
  | 'invalid_ids'
  | 'unreadable_journal'
  | 'journal_in_use'
  | 'journal_mismatch';

/**
 * Bad input, refused before any call: Stytch-shaped like every other error of the project
 * (`status_code` 0, a `local-…` request id), so `--json` prints it as it prints a Stytch error.
 */
export class CliError extends ConnectedAppsError {
  override readonly name = 'CliError';
  constructor(error_type: CliErrorType, error_message: string, error_details?: unknown) {
    super({
      status_code: 0,
      request_id: localRequestId(),
      error_type,
      error_message,
      error_url: CLI_ERRORS_URL,
      error_details,
      retryable: false,
    });
  }
}

/** Type guard for {@link CliError}. */
export function isCliError(value: unknown): value is CliError {
  return ConnectedAppsError.isInstance(value) && value.name === 'CliError';
}
