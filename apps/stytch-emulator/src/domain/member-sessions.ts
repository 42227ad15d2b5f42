import type { StytchMemberSession } from '@connected-apps/core/wire';
import type { AuthenticationFactor } from '../types.ts';
import type { IdKind } from './ids.ts';
import { type MemberRecord, memberRoles, type OrganizationRecord } from './organizations.ts';
import { emailMagicLinkFactor, SessionTable } from './session-table.ts';
import { stytchTime } from './time.ts';

type MemberSession = StytchMemberSession & { authentication_factors: AuthenticationFactor[] };

/** Live member sessions, findable by their opaque token or by id (the JWT's session claim). */
export class MemberSessionStore extends SessionTable<MemberSession> {
  readonly #newId: (kind: IdKind) => string;

  constructor(newId: (kind: IdKind) => string) {
    super((session) => session.member_session_id);
    this.#newId = newId;
  }

  /** Starts a session for the member, authenticated by an email magic link, with the member's roles and `roles`. */
  start(
    member: MemberRecord,
    organization: OrganizationRecord,
    roles: string[],
    lifetimeSeconds: number,
  ): { session: MemberSession; token: string } {
    const now = Date.now();
    const at = stytchTime(now);
    const expiresAtMs = now + lifetimeSeconds * 1000;
    const session: MemberSession = {
      member_session_id: this.#newId('member-session'),
      member_id: member.member_id,
      organization_id: organization.organization_id,
      organization_slug: organization.organization_slug,
      started_at: at,
      last_accessed_at: at,
      expires_at: stytchTime(expiresAtMs),
      authentication_factors: [emailMagicLinkFactor(at, this.#newId('email'), member.email_address)],
      roles: [...new Set([...memberRoles(member), ...roles])],
      custom_claims: {},
    };
    return { session, token: this.add(session, expiresAtMs) };
  }
}
