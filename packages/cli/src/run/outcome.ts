import { isConnectedAppsError } from '@connected-apps/core';

/** One (user, app) pair a revoke run acts on. */
export interface Pair {
  user_id: string;
  connected_app_id: string;
}

/**
 * How a pair ended: `revoked`, `already_gone` (Stytch answered 404 `connected_app_not_found` or
 * `user_not_found`: nothing left to cut off) or `failed` (any other error, after core's retries).
 */
export type OutcomeKind = 'revoked' | 'already_gone' | 'failed';

/** A pair's outcome, as journaled and summarized: Stytch's status, request id and error fields. */
export interface Outcome extends Pair {
  outcome: OutcomeKind;
  status_code: number;
  request_id: string;
  error_type?: string;
  error_message?: string;
  /**
   * Set when an earlier run sent the revoke but stopped before its answer: this run listed the user's
   * apps instead of revoking again, and the app was no longer granted.
   */
  confirmed_by_listing?: true;
}

const ALREADY_GONE = new Set(['connected_app_not_found', 'user_not_found']);

/** A pair's key in maps and sets (a path parameter never holds a line feed). */
export function pairKey(pair: Pair): string {
  return `${pair.user_id}\n${pair.connected_app_id}`;
}

/** The outcome of a revoke that answered. */
export function revokedOutcome(pair: Pair, response: { request_id: string; status_code: number }): Outcome {
  return {
    ...pairOf(pair),
    outcome: 'revoked',
    status_code: response.status_code,
    request_id: response.request_id,
  };
}

/** The outcome of a call that threw: already gone for Stytch's two 404s, else failed. */
export function errorOutcome(pair: Pair, error: unknown): Outcome {
  if (!isConnectedAppsError(error)) {
    const error_message = error instanceof Error ? error.message : String(error);
    return {
      ...pairOf(pair),
      outcome: 'failed',
      status_code: 0,
      request_id: '',
      error_type: 'unexpected_error',
      error_message,
    };
  }
  const { status_code, request_id, error_type, error_message } = error;
  const outcome = status_code === 404 && ALREADY_GONE.has(error_type) ? 'already_gone' : 'failed';
  return { ...pairOf(pair), outcome, status_code, request_id, error_type, error_message };
}

function pairOf({ user_id, connected_app_id }: Pair): Pair {
  return { user_id, connected_app_id };
}
