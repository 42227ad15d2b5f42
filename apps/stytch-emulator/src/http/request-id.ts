import { randomUUID } from 'node:crypto';
import { stytchEnvironment } from '@connected-apps/core/wire';

/**
 * Returns a generator of fresh Stytch request ids (`request-id-test-<uuid>` or `request-id-live-<uuid>`).
 * `randomUUID` uses a pooled entropy buffer, so this stays cheap on the hot path.
 */
export function createRequestIdFactory(projectId: string): () => string {
  const prefix = `request-id-${stytchEnvironment(projectId)}-`;
  return () => prefix + randomUUID();
}
