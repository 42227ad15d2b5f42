import { randomBytes } from 'node:crypto';
import type { AuthenticationFactor, StytchSession, StytchUser } from '../types.ts';
import type { IdKind } from './ids.ts';
import { stytchTime } from './time.ts';

/** Default lifetime of a minted session. */
export const DEFAULT_SESSION_LIFETIME_SECONDS = 3600;

interface SessionEntry {
  session: StytchSession;
  token: string;
  expiresAtMs: number;
}

/** Live sessions, findable by their opaque token or by id (the JWT's session claim). */
export class SessionStore {
  readonly #newId: (kind: IdKind) => string;
  readonly #byId = new Map<string, SessionEntry>();
  readonly #byToken = new Map<string, SessionEntry>();

  constructor(newId: (kind: IdKind) => string) {
    this.#newId = newId;
  }

  clear(): void {
    this.#byId.clear();
    this.#byToken.clear();
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
    const factor: AuthenticationFactor = email
      ? {
          type: 'magic_link',
          delivery_method: 'email',
          last_authenticated_at: at,
          created_at: at,
          updated_at: at,
          email_factor: { email_id: email.email_id, email_address: email.email },
        }
      : {
          type: 'imported',
          delivery_method: 'imported',
          last_authenticated_at: at,
          created_at: at,
          updated_at: at,
        };
    const expiresAtMs = now + lifetimeSeconds * 1000;
    const session: StytchSession = {
      session_id: this.#newId('session'),
      user_id: user.user_id,
      started_at: at,
      last_accessed_at: at,
      expires_at: stytchTime(expiresAtMs),
      attributes: { ip_address: '', user_agent: '' },
      authentication_factors: [factor],
      custom_claims: {},
      roles: [...new Set(['stytch_user', ...user.roles, ...roles])],
    };
    // Stytch session tokens are opaque 44-character strings.
    const entry: SessionEntry = { session, token: randomBytes(33).toString('base64url'), expiresAtMs };
    this.#byId.set(session.session_id, entry);
    this.#byToken.set(entry.token, entry);
    return { session, token: entry.token };
  }

  /** The live session with this token or id; expired sessions are forgotten on sight. */
  find(by: { token: string } | { sessionId: string }): { session: StytchSession; token: string } | undefined {
    const entry = 'token' in by ? this.#byToken.get(by.token) : this.#byId.get(by.sessionId);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= Date.now()) {
      this.#byId.delete(entry.session.session_id);
      this.#byToken.delete(entry.token);
      return undefined;
    }
    return entry;
  }

  /** Marks the session accessed now and, when asked, extends it to `durationMinutes` from now. */
  touch(sessionId: string, durationMinutes?: number): StytchSession | undefined {
    const entry = this.#byId.get(sessionId);
    if (!entry) return undefined;
    const now = Date.now();
    entry.session.last_accessed_at = stytchTime(now);
    if (durationMinutes !== undefined) {
      entry.expiresAtMs = now + durationMinutes * 60_000;
      entry.session.expires_at = stytchTime(entry.expiresAtMs);
    }
    return entry.session;
  }
}
