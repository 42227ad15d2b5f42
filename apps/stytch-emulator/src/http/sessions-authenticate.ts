import type { StytchErrorBody } from '@connected-apps/core/wire';
import type { EmulatorState } from '../emulator-state.ts';
import { readSessionArguments } from './session-arguments.ts';
import { stytchError } from './stytch-errors.ts';

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
  const args = readSessionArguments(body, requestId);
  if ('error' in args) return fail(args.error);

  const live = await state.sessions.findByCredential(args, (jwt) => state.jwt.verify(jwt));
  const user = live ? state.directory.findUser(live.session.user_id) : undefined;
  if (!live || !user) return fail(stytchError('session_not_found', requestId));

  const session = state.sessions.touch(live.session.session_id, args.minutes) ?? live.session;
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
