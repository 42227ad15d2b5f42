import { defaultBaseUrl, isHttpBaseUrl, stytchEnvironment } from '@connected-apps/core/wire';
import { CliError } from '../errors/cli-error.ts';

/** Where and as whom the CLI calls Stytch. */
export interface Credentials {
  project_id: string;
  /** Never printed, logged or journaled: core redacts it from every error. */
  secret: string;
  /** `STYTCH_BASE_URL`, else core's `defaultBaseUrl(project_id)`. */
  baseUrl: string;
}

/**
 * The project id and secret from `STYTCH_PROJECT_ID` and `STYTCH_SECRET`, and `STYTCH_BASE_URL` (an
 * emulator, say). Throws a `CliError` naming what is missing or malformed, never a value.
 */
export function readCredentials(env: NodeJS.ProcessEnv): Credentials {
  const project_id = env.STYTCH_PROJECT_ID ?? '';
  const secret = env.STYTCH_SECRET ?? '';
  const missing = [project_id === '' && 'STYTCH_PROJECT_ID', secret === '' && 'STYTCH_SECRET'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new CliError('missing_credentials', `Set ${missing.join(' and ')} (the project's id and secret).`);
  }
  const baseUrl = env.STYTCH_BASE_URL || defaultBaseUrl(project_id);
  if (!isHttpBaseUrl(baseUrl)) {
    throw new CliError('invalid_arguments', 'STYTCH_BASE_URL must be an absolute http(s) URL.');
  }
  return { project_id, secret, baseUrl };
}

/** Refuses to change a live project (`project-live-…`) unless the operator said `--yes`. */
export function requireConsentForLive(project_id: string, yes: boolean): void {
  if (stytchEnvironment(project_id) === 'live' && !yes) {
    throw new CliError(
      'live_project_needs_yes',
      `${project_id} is a live project: add --yes to revoke in production (or --dry-run to look first).`,
    );
  }
}
