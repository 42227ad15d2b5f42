import type { StytchErrorBody } from '@connected-apps/core/wire';
import { stytchError } from './stytch-errors.ts';

/** The largest session extension Stytch allows: 366 days. */
const MAX_SESSION_DURATION_MINUTES = 527_040;

/** The credential and extension of a sessions/authenticate call, consumer or B2B. */
export type SessionArguments =
  | { token?: string; jwt?: string; minutes?: number }
  | { error: StytchErrorBody };

/**
 * Reads what both sessions/authenticate calls take, with Stytch's errors: exactly one of
 * `session_token` or `session_jwt`, both strings; an optional `session_duration_minutes` from 5 to 527040.
 */
export function readSessionArguments(body: Record<string, unknown>, requestId: string): SessionArguments {
  const { session_token: token, session_jwt: jwt, session_duration_minutes: minutes } = body;
  if (token !== undefined && jwt !== undefined)
    return { error: stytchError('too_many_session_arguments', requestId) };
  if (token === undefined && jwt === undefined) {
    return {
      error: stytchError('bad_request', requestId, 'One of session_token or session_jwt is required.'),
    };
  }
  if ((token !== undefined && typeof token !== 'string') || (jwt !== undefined && typeof jwt !== 'string')) {
    return { error: stytchError('bad_request', requestId, 'session_token and session_jwt must be strings.') };
  }
  if (
    minutes !== undefined &&
    !(
      typeof minutes === 'number' &&
      Number.isInteger(minutes) &&
      minutes >= 5 &&
      minutes <= MAX_SESSION_DURATION_MINUTES
    )
  ) {
    return {
      error: stytchError(
        'bad_request',
        requestId,
        'session_duration_minutes must be an integer from 5 to 527040.',
      ),
    };
  }
  return {
    ...(token === undefined ? {} : { token }),
    ...(jwt === undefined ? {} : { jwt }),
    ...(minutes === undefined ? {} : { minutes }),
  };
}
