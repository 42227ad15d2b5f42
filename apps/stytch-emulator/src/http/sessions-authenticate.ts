import type { StytchErrorBody } from '@connected-apps/core/wire';
import type { EmulatorState } from '../emulator-state.ts';
import { stytchError } from './stytch-errors.ts';

/** The largest session extension Stytch allows: 366 days. */
const MAX_SESSION_DURATION_MINUTES = 527_040;

/**
 * `POST /v1/sessions/authenticate`: exactly one of `session_token` or `session_jwt`; an expired JWT
 * still authenticates while its session lives (Stytch then returns a fresh JWT); an optional
 * `session_duration_minutes` extends the session from now.
 */
export async function sessionsAuthenticate(
  state: EmulatorState,
  body: Record<string, unknown>,
  requestId: string,
): Promise<{ status: number; body: object }> {
  const fail = (error: StytchErrorBody) => ({ status: error.status_code, body: error });
  const { session_token: token, session_jwt: jwt, session_duration_minutes: minutes } = body;
  if (token !== undefined && jwt !== undefined)
    return fail(stytchError('too_many_session_arguments', requestId));
  if (token === undefined && jwt === undefined) {
    return fail(stytchError('bad_request', requestId, 'One of session_token or session_jwt is required.'));
  }
  if ((token !== undefined && typeof token !== 'string') || (jwt !== undefined && typeof jwt !== 'string')) {
    return fail(stytchError('bad_request', requestId, 'session_token and session_jwt must be strings.'));
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
    return fail(
      stytchError('bad_request', requestId, 'session_duration_minutes must be an integer from 5 to 527040.'),
    );
  }

  let sessionId: string | undefined;
  if (typeof token === 'string') {
    sessionId = state.sessions.find({ token })?.session.session_id;
  } else if (typeof jwt === 'string') {
    const verified = await state.jwt.verify(jwt);
    if (verified && state.sessions.find({ sessionId: verified.sessionId })) sessionId = verified.sessionId;
  }
  const live = sessionId === undefined ? undefined : state.sessions.find({ sessionId });
  const user = live ? state.directory.findUser(live.session.user_id) : undefined;
  if (!live || !user) return fail(stytchError('session_not_found', requestId));

  const session =
    state.sessions.touch(live.session.session_id, minutes as number | undefined) ?? live.session;
  return {
    status: 200,
    body: {
      request_id: requestId,
      status_code: 200,
      user,
      session,
      session_token: live.token,
      session_jwt: await state.jwt.sign(session),
    },
  };
}
