import { VerificationFailedError } from './verification-failure.ts';

/** How long an endpoint may take to answer the reachability check. */
const REACHABLE_TIMEOUT_MS = 10_000;

/**
 * Rejects with a {@link VerificationFailedError} saying so when nothing answers HTTP at `url` (any
 * status counts as an answer). Checked before verifying, because Pact's verifier proxy lets a refused
 * connection escape as an uncaught error, which would end the process with a stack trace.
 *
 * @example
 * await assertReachable('http://127.0.0.1:8080', 'The backend');
 */
export async function assertReachable(url: string, what: string): Promise<void> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(REACHABLE_TIMEOUT_MS) });
    await response.body?.cancel();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new VerificationFailedError(
      `${what} at ${url} cannot be reached (${cause instanceof Error ? cause.message : String(cause)}).`,
    );
  }
}
