import { randomBytes } from 'node:crypto';
import type { AuthenticationFactor } from '../types.ts';
import { stytchTime } from './time.ts';

/** A session as the table keeps it; the timestamps are Stytch's, the rest is the kind's own. */
interface TimedSession {
  last_accessed_at: string;
  expires_at: string;
}

interface Entry<S> {
  session: S;
  token: string;
  expiresAtMs: number;
}

/** The credential a session is presented with: its opaque token, or its JWT. */
export interface SessionCredential {
  token?: string;
  jwt?: string;
}

/** Reads the session id out of a session JWT the emulator signed, or `undefined` if it is not one. */
export type SessionJwtReader = (jwt: string) => Promise<{ sessionId: string } | undefined>;

/**
 * Live sessions of one kind (a user's or a member's), findable by their opaque token or by id (the
 * JWT's session claim). Expired sessions are forgotten on sight. Each kind says how its sessions
 * start; what happens to them afterwards is the same for both.
 */
export class SessionTable<S extends TimedSession> {
  readonly #idOf: (session: S) => string;
  readonly #byId = new Map<string, Entry<S>>();
  readonly #byToken = new Map<string, Entry<S>>();

  constructor(idOf: (session: S) => string) {
    this.#idOf = idOf;
  }

  clear(): void {
    this.#byId.clear();
    this.#byToken.clear();
  }

  /** Keeps the session until `expiresAtMs` and returns its new opaque token. */
  protected add(session: S, expiresAtMs: number): string {
    // Stytch session tokens are opaque 44-character strings.
    const entry: Entry<S> = { session, token: randomBytes(33).toString('base64url'), expiresAtMs };
    this.#byId.set(this.#idOf(session), entry);
    this.#byToken.set(entry.token, entry);
    return entry.token;
  }

  /** The live session with this token or id. */
  find(by: { token: string } | { sessionId: string }): { session: S; token: string } | undefined {
    const entry = 'token' in by ? this.#byToken.get(by.token) : this.#byId.get(by.sessionId);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= Date.now()) {
      this.#byId.delete(this.#idOf(entry.session));
      this.#byToken.delete(entry.token);
      return undefined;
    }
    return entry;
  }

  /**
   * The live session a credential names: by its token when there is one, else by the session claim
   * of its JWT (an expired JWT still names a live session, as at Stytch).
   */
  async findByCredential(
    credential: SessionCredential,
    readJwt: SessionJwtReader,
  ): Promise<{ session: S; token: string } | undefined> {
    if (credential.token !== undefined) return this.find({ token: credential.token });
    if (credential.jwt === undefined) return undefined;
    const verified = await readJwt(credential.jwt);
    return verified ? this.find({ sessionId: verified.sessionId }) : undefined;
  }

  /** Marks the session accessed now and, when asked, extends it to `durationMinutes` from now. */
  touch(sessionId: string, durationMinutes?: number): S | undefined {
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

/** The factor of a session started by an email magic link at `at`. */
export function emailMagicLinkFactor(
  at: string,
  emailId: string,
  emailAddress: string,
): AuthenticationFactor {
  return {
    type: 'magic_link',
    delivery_method: 'email',
    last_authenticated_at: at,
    created_at: at,
    updated_at: at,
    email_factor: { email_id: emailId, email_address: emailAddress },
  };
}
