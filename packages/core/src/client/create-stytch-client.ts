import { basicAuthorization } from '../wire/basic-auth.ts';
import { defaultBaseUrl, isHttpBaseUrl } from '../wire/environment.ts';
import { stytchOperations } from './operations.ts';
import {
  type ClientConfig,
  type CommonClientOptions,
  invalidOption,
  resolveCommonOptions,
  trimBaseUrl,
} from './options.ts';
import type { StytchClient } from './types.ts';

/** Options of {@link createStytchClient}. */
export interface StytchClientOptions extends CommonClientOptions {
  /** Your Stytch project id (`project-test-…` or `project-live-…`). */
  project_id: string;
  /** The project's secret. Sent only as Basic auth; redacted from every error. */
  secret: string;
  /**
   * Stytch's API origin, e.g. the emulator's URL.
   * @default 'https://api.stytch.com' for `project-live-…` ids, else 'https://test.stytch.com'
   */
  baseUrl?: string;
}

/**
 * A client that calls Stytch directly with the project secret (Basic auth). Server side only: the
 * secret must never reach a browser (use {@link createProxyClient} there).
 *
 * @example
 * const stytch = createStytchClient({ project_id: process.env.STYTCH_PROJECT_ID!, secret: process.env.STYTCH_SECRET! });
 * await stytch.users.revoke({ user_id: 'user-test-…', connected_app_id: 'connected-app-test-…' });
 */
export function createStytchClient(options: StytchClientOptions): StytchClient {
  return stytchOperations(stytchClientConfig(options));
}

/** The config of a client that calls Stytch with the project secret: the consumer and the B2B one. */
export function stytchClientConfig(options: StytchClientOptions): ClientConfig {
  const { project_id, secret } = options;
  if (typeof project_id !== 'string' || project_id === '') invalidOption('project_id', 'a non-empty string');
  if (typeof secret !== 'string' || secret === '') invalidOption('secret', 'a non-empty string');
  const baseUrl = options.baseUrl ?? defaultBaseUrl(project_id);
  if (!isHttpBaseUrl(baseUrl)) invalidOption('baseUrl', 'an absolute http(s) URL');
  const authorization = basicAuthorization(project_id, secret);
  const credentials = { headers: { authorization }, secrets: [secret, authorization.slice('Basic '.length)] };
  return {
    ...resolveCommonOptions(options),
    baseUrl: trimBaseUrl(baseUrl),
    callCredentials: () => credentials,
  };
}
