import { randomBytes } from 'node:crypto';
import type { StytchMemberSession } from '@connected-apps/core/wire';
import type { AuthenticationFactor } from '../types.ts';
import type { IdKind } from './ids.ts';
import { type MemberRecord, memberRoles, type OrganizationRecord } from './organizations.ts';
import { stytchTime } from './time.ts';

interface MemberSessionEntry {
  session: StytchMemberSession & { authentication_factors: AuthenticationFactor[] };
  token: string;
  expiresAtMs: number;
}

/** Live member sessions, findable by their opaque token or by id (the JWT's session claim). */
export class MemberSessionStore {
  readonly #newId: (kind: IdKind) => string;
  readonly #byId = new Map<string, MemberSessionEntry>();
  readonly #byToken = new Map<string, MemberSessionEntry>();

  constructor(newId: (kind: IdKind) => string) {
    this.#newId = newId;
  }

  clear(): void {
    this.#byId.clear();
    this.#byToken.clear();
  }

  /** Starts a session for the member, authenticated by an email magic link, with the member's roles and `roles`. */
  start(
    member: MemberRecord,
    organization: OrganizationRecord,
    roles: string[],
    lifetimeSeconds: number,
  ): { session: MemberSessionEntry['session']; token: string } {
    const now = Date.now();
    const at = stytchTime(now);
    const expiresAtMs = now + lifetimeSeconds * 1000;
    const session: MemberSessionEntry['session'] = {
      member_session_id: this.#newId('member-session'),
      member_id: member.member_id,
      organization_id: organization.organization_id,
      organization_slug: organization.organization_slug,
      started_at: at,
      last_accessed_at: at,
      expires_at: stytchTime(expiresAtMs),
      authentication_factors: [
        {
          type: 'magic_link',
          delivery_method: 'email',
          last_authenticated_at: at,
          created_at: at,
          updated_at: at,
          email_factor: { email_id: this.#newId('email'), email_address: member.email_address },
        },
      ],
      roles: [...new Set([...memberRoles(member), ...roles])],
      custom_claims: {},
    };
    // Stytch session tokens are opaque 44-character strings.
    const entry: MemberSessionEntry = { session, token: randomBytes(33).toString('base64url'), expiresAtMs };
    this.#byId.set(session.member_session_id, entry);
    this.#byToken.set(entry.token, entry);
    return { session, token: entry.token };
  }

  /** The live session with this token or id; expired sessions are forgotten on sight. */
  find(by: { token: string } | { sessionId: string }): MemberSessionEntry | undefined {
    const entry = 'token' in by ? this.#byToken.get(by.token) : this.#byId.get(by.sessionId);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= Date.now()) {
      this.#byId.delete(entry.session.member_session_id);
      this.#byToken.delete(entry.token);
      return undefined;
    }
    return entry;
  }

  /** Marks the session accessed now and, when asked, extends it to `durationMinutes` from now. */
  touch(sessionId: string, durationMinutes?: number): MemberSessionEntry['session'] | undefined {
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
