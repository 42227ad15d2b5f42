import { createStytchClient, type StytchClientOptions, type Transport } from '../../src/index.ts';

export const PROJECT_ID = 'project-test-11111111-2222-4333-8444-555555555555';
/** Distinctive, so a leak anywhere is easy to find; includes non-ASCII to exercise UTF-8 Basic auth. */
export const SECRET = 'secret-test-Zq9_TOP-SECRET-ünï-c0de';
export const USER_ID = 'user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6';
export const APP_ID = 'connected-app-test-d731954d-dab3-4a2b-bdee-07f3ad1be888';

/** Fast retries for tests: no jitter, 10 ms backoff, unless a test says otherwise. */
export const FAST_RETRY = { delay: () => 10, jitter: false } as const;

export function stytchClient(
  baseUrl: string,
  transport: Transport,
  options: Partial<StytchClientOptions> = {},
) {
  return createStytchClient({
    project_id: PROJECT_ID,
    secret: SECRET,
    baseUrl,
    transport,
    retry: FAST_RETRY,
    ...options,
  });
}

/** Awaits a promise expected to reject and returns the rejection (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
