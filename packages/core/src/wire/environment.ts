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

/** Where a project's API calls go unless a base URL is given: `api.stytch.com` or `test.stytch.com`. */
export function defaultBaseUrl(project_id: string): string {
  return STYTCH_BASE_URLS[stytchEnvironment(project_id)];
}
