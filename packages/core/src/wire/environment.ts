/** A Stytch project's environment: `project-live-…` ids are live, every other id is test. */
export type StytchEnvironment = 'test' | 'live';

/** Stytch's documented API origins per environment. */
export const STYTCH_BASE_URLS: Readonly<Record<StytchEnvironment, string>> = {
  live: 'https://api.stytch.com',
  test: 'https://test.stytch.com',
};

/** Stytch derives the environment from the project id's prefix; so does every hop here. */
export function stytchEnvironment(project_id: string): StytchEnvironment {
  return project_id.startsWith('project-live-') ? 'live' : 'test';
}

/**
 * Whether `value` can be a base URL: an absolute `https:` or `http:` URL (plain HTTP for a local
 * stack, where the emulator stands in for Stytch or for a project's custom domain).
 */
export function isHttpBaseUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Where a project's API calls go unless a base URL is given: `api.stytch.com` or `test.stytch.com`. */
export function defaultBaseUrl(project_id: string): string {
  return STYTCH_BASE_URLS[stytchEnvironment(project_id)];
}
