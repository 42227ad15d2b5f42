import { randomUUID } from 'node:crypto';

/** Which Stytch environment a project id belongs to: `project-live-…` is live, anything else test. */
export type StytchEnvironment = 'test' | 'live';

/** Stytch derives the environment from the project id prefix; so do we. */
export function environmentOf(projectId: string): StytchEnvironment {
  return projectId.startsWith('project-live-') ? 'live' : 'test';
}

/**
 * Returns a generator of fresh Stytch request ids (`request-id-test-<uuid>` or `request-id-live-<uuid>`).
 * `randomUUID` uses a pooled entropy buffer, so this stays cheap on the hot path.
 */
export function createRequestIdFactory(projectId: string): () => string {
  const prefix = `request-id-${environmentOf(projectId)}-`;
  return () => prefix + randomUUID();
}
