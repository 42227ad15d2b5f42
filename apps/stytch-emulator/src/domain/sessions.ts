import type { StytchSession, StytchUser } from '../types.ts';
import type { IdKind } from './ids.ts';
import { emailMagicLinkFactor, SessionTable } from './session-table.ts';
import { stytchTime } from './time.ts';

/** Default lifetime of a minted session. */
export const DEFAULT_SESSION_LIFETIME_SECONDS = 3600;

/** Live user sessions, findable by their opaque token or by id (the JWT's session claim). */
export class SessionStore extends SessionTable<StytchSession> {
  readonly #newId: (kind: IdKind) => string;

  constructor(newId: (kind: IdKind) => string) {
    super((session) => session.session_id);
    this.#newId = newId;
  }

  /** Starts a session for the user, authenticated by their email (or `imported` without one). */
  start(
    user: StytchUser,
    roles: string[],
    lifetimeSeconds: number,
  ): { session: StytchSession; token: string } {
    const now = Date.now();
    const at = stytchTime(now);
    const email = user.emails[0];
    const expiresAtMs = now + lifetimeSeconds * 1000;
    const session: StytchSession = {
      session_id: this.#newId('session'),
      user_id: user.user_id,
      started_at: at,
      last_accessed_at: at,
      expires_at: stytchTime(expiresAtMs),
      attributes: { ip_address: '', user_agent: '' },
      authentication_factors: [
        email
          ? emailMagicLinkFactor(at, email.email_id, email.email)
          : {
              type: 'imported',
              delivery_method: 'imported',
              last_authenticated_at: at,
              created_at: at,
              updated_at: at,
            },
      ],
      custom_claims: {},
      roles: [...new Set(['stytch_user', ...user.roles, ...roles])],
    };
    return { session, token: this.add(session, expiresAtMs) };
  }
}
