import type {
  MemberConnectedApp,
  OrganizationConnectedApp,
  OrganizationConnectedAppActiveMember,
} from '@connected-apps/core/wire';
import type {
  MemberGrantInput,
  MemberGrantRecord,
  MemberInput,
  OrganizationInput,
  StytchMemberObject,
  StytchOrganizationObject,
} from '../b2b-types.ts';
import type { ConnectedAppRecord, TokensResponse } from '../types.ts';
import { GrantBook } from './grant-book.ts';
import { type IdKind, isWellFormedUserId } from './ids.ts';
import { optionalString, stringList } from './input-checks.ts';
import { EmulatorInputError } from './input-error.ts';
import { ADMIN_ROLE, MEMBER_ROLE } from './rbac-policy.ts';
import { stytchTime } from './time.ts';

/** An organization as the emulator stores it. */
export interface OrganizationRecord {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  organization_external_id?: string;
  organization_logo_url: string;
  created_at: string;
}

/** A member as the emulator stores it; `roles` are its assigned roles besides `stytch_member`. */
export interface MemberRecord {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  external_id?: string;
  roles: string[];
  created_at: string;
}

/** Outcome of a member's revoke; the HTTP layer maps each to Stytch's answer. */
export type MemberRevokeOutcome = 'revoked' | 'not_granted' | 'connected_app_not_found';

// Stytch's slug alphabet (SDK `Organization.organization_slug`): letters, digits, `- . _ ~`, 2–128.
const SLUG = /^[A-Za-z0-9._~-]{2,128}$/;

/**
 * The emulator's B2B side in memory: organizations (findable by id, slug or external id), their
 * members (by id or external id within the organization), members' grants to the project's connected
 * apps and the tokens each grant issued. Connected apps are the project's, shared with the consumer side.
 */
export class OrganizationDirectory {
  readonly #newId: (kind: IdKind) => string;
  readonly #findApp: (connectedAppId: string) => ConnectedAppRecord | undefined;
  #organizations = new Map<string, OrganizationRecord>();
  #organizationIdByRef = new Map<string, string>();
  #members = new Map<string, MemberRecord>();
  /** `organization_id \n external_id` → member_id. */
  #memberIdByExternalId = new Map<string, string>();
  /** Members' grants, by `member_id`. */
  #grants: GrantBook;

  constructor(
    newId: (kind: IdKind) => string,
    findApp: (connectedAppId: string) => ConnectedAppRecord | undefined,
  ) {
    this.#newId = newId;
    this.#findApp = findApp;
    this.#grants = new GrantBook(newId);
  }

  /** A deep copy over another app lookup, for checking a fixture document before it changes anything. */
  clone(findApp: (connectedAppId: string) => ConnectedAppRecord | undefined): OrganizationDirectory {
    const copy = new OrganizationDirectory(this.#newId, findApp);
    copy.#organizations = structuredClone(this.#organizations);
    copy.#organizationIdByRef = new Map(this.#organizationIdByRef);
    copy.#members = structuredClone(this.#members);
    copy.#memberIdByExternalId = new Map(this.#memberIdByExternalId);
    copy.#grants = this.#grants.clone();
    return copy;
  }

  clear(): void {
    this.#organizations.clear();
    this.#organizationIdByRef.clear();
    this.#members.clear();
    this.#memberIdByExternalId.clear();
    this.#grants.clear();
  }

  get counts(): { organizations: number; members: number; member_grants: number } {
    return {
      organizations: this.#organizations.size,
      members: this.#members.size,
      member_grants: this.#grants.size,
    };
  }

  /** The organization an `organization_id` names: its id, its slug or its external id, as Stytch resolves it. */
  findOrganization(ref: string): OrganizationRecord | undefined {
    return this.#organizations.get(ref) ?? this.#organizations.get(this.#organizationIdByRef.get(ref) ?? '');
  }

  /** The member a `member_id` names within the organization: its id or its external id. */
  findMember(organization: OrganizationRecord, ref: string): MemberRecord | undefined {
    const byId = this.#members.get(ref);
    if (byId?.organization_id === organization.organization_id) return byId;
    const id = this.#memberIdByExternalId.get(externalKey(organization.organization_id, ref));
    return id === undefined ? undefined : this.#members.get(id);
  }

  /** The organization's member with this email address (Stytch's other key of `organizations.members.get`). */
  findMemberByEmail(organization: OrganizationRecord, email: string): MemberRecord | undefined {
    return this.#membersOf(organization).find(
      (member) => member.email_address.toLowerCase() === email.toLowerCase(),
    );
  }

  /** Creates an organization, or replaces the details of an existing id (its members stay). */
  upsertOrganization(input: OrganizationInput): StytchOrganizationObject {
    const name = input.organization_name;
    if (typeof name !== 'string' || name === '') {
      throw new EmulatorInputError(
        'bad_request',
        'organization_name is required and must be a non-empty string.',
      );
    }
    const id = optionalString('organization_id', input.organization_id) ?? this.#newId('organization');
    const slug = optionalString('organization_slug', input.organization_slug) ?? slugOf(name);
    if (!SLUG.test(slug)) {
      throw new EmulatorInputError(
        'bad_request',
        "organization_slug must be 2-128 of letters, digits, '-', '.', '_' or '~'.",
      );
    }
    const externalId = optionalString('organization_external_id', input.organization_external_id);
    if (externalId !== undefined && !isWellFormedUserId(externalId)) {
      throw new EmulatorInputError(
        'bad_request',
        "organization_external_id must be 1-128 of letters, digits, '.', '_', '-' or '|'.",
      );
    }
    for (const [field, ref] of [
      ['organization_slug', slug],
      ['organization_external_id', externalId],
    ] as const) {
      const owner = ref === undefined ? undefined : this.#organizationIdByRef.get(ref);
      if (
        ref !== undefined &&
        ((owner !== undefined && owner !== id) || (this.#organizations.has(ref) && ref !== id))
      ) {
        throw new EmulatorInputError(
          'duplicate_organization_ref',
          `${field} ${ref} belongs to another organization.`,
        );
      }
    }
    const previous = this.#organizations.get(id);
    if (previous) {
      this.#organizationIdByRef.delete(previous.organization_slug);
      if (previous.organization_external_id !== undefined)
        this.#organizationIdByRef.delete(previous.organization_external_id);
    }
    const organization: OrganizationRecord = {
      organization_id: id,
      organization_name: name,
      organization_slug: slug,
      ...(externalId === undefined ? {} : { organization_external_id: externalId }),
      organization_logo_url: optionalString('organization_logo_url', input.organization_logo_url) ?? '',
      created_at: previous?.created_at ?? stytchTime(),
    };
    this.#organizations.set(id, organization);
    this.#organizationIdByRef.set(slug, id);
    if (externalId !== undefined) this.#organizationIdByRef.set(externalId, id);
    return organizationObject(organization);
  }

  /** Creates a member, or replaces the profile of an existing `member_id` (its grants stay). */
  upsertMember(input: MemberInput): StytchMemberObject {
    const organization = this.#requireOrganization(input.organization_id);
    const memberId = optionalString('member_id', input.member_id) ?? this.#newId('member');
    if (!isWellFormedUserId(memberId))
      throw new EmulatorInputError('invalid_member_id', 'member_id format is invalid.');
    const email = input.email_address;
    if (typeof email !== 'string' || !email.includes('@')) {
      throw new EmulatorInputError('bad_request', 'email_address is required and must be an email address.');
    }
    const previous = this.#members.get(memberId);
    if (previous && previous.organization_id !== organization.organization_id) {
      throw new EmulatorInputError('bad_request', `member_id ${memberId} belongs to another organization.`);
    }
    const externalId = optionalString('external_id', input.external_id);
    if (externalId !== undefined) {
      if (!isWellFormedUserId(externalId)) {
        throw new EmulatorInputError(
          'bad_request',
          "external_id must be 1-128 of letters, digits, '.', '_', '-' or '|'.",
        );
      }
      const owner = this.#memberIdByExternalId.get(externalKey(organization.organization_id, externalId));
      if (owner !== undefined && owner !== memberId) {
        throw new EmulatorInputError(
          'duplicate_external_id',
          `external_id ${externalId} belongs to ${owner}.`,
        );
      }
    }
    if (previous?.external_id !== undefined) {
      this.#memberIdByExternalId.delete(externalKey(previous.organization_id, previous.external_id));
    }
    const member: MemberRecord = {
      member_id: memberId,
      organization_id: organization.organization_id,
      email_address: email,
      name: optionalString('name', input.name) ?? '',
      ...(externalId === undefined ? {} : { external_id: externalId }),
      roles: [...new Set(stringList('roles', input.roles ?? []))].filter((role) => role !== MEMBER_ROLE),
      created_at: previous?.created_at ?? stytchTime(),
    };
    this.#members.set(memberId, member);
    if (externalId !== undefined)
      this.#memberIdByExternalId.set(externalKey(organization.organization_id, externalId), memberId);
    return memberObject(member);
  }

  /** Records that the member authorized the app for `scopes`, and issues an access and a refresh token. */
  grant(input: MemberGrantInput): MemberGrantRecord {
    const organization = this.#requireOrganization(input.organization_id);
    const member = this.findMember(organization, String(input.member_id));
    if (!member)
      throw new EmulatorInputError(
        'member_not_found',
        `No member ${input.member_id} in ${organization.organization_id}.`,
      );
    const app = this.#findApp(String(input.connected_app_id));
    if (!app)
      throw new EmulatorInputError('connected_app_not_found', `No connected app ${input.connected_app_id}.`);
    return {
      organization_id: organization.organization_id,
      member_id: member.member_id,
      connected_app_id: app.connected_app_id,
      ...this.#grants.grant(member.member_id, app.connected_app_id, input.scopes),
    };
  }

  /** The apps the member has an active grant for, in grant order, as Stytch lists them. */
  connectedAppsOf(member: MemberRecord): MemberConnectedApp[] {
    const apps: MemberConnectedApp[] = [];
    for (const { connectedAppId, scopes } of this.#grants.activeOf(member.member_id)) {
      const app = this.#findApp(connectedAppId);
      if (app) apps.push({ ...app, scopes_granted: scopes.join(' ') });
    }
    return apps;
  }

  /** Removes the member's grant and revokes every token it issued. Revoking what is not granted is a no-op. */
  revoke(member: MemberRecord, connectedAppId: string): MemberRevokeOutcome {
    if (!this.#findApp(connectedAppId)) return 'connected_app_not_found';
    return this.#grants.revoke(member.member_id, connectedAppId) ? 'revoked' : 'not_granted';
  }

  /** Every app some member of the organization has an active grant for, in order of first grant. */
  organizationApps(organization: OrganizationRecord): OrganizationConnectedApp[] {
    const apps = new Map<string, OrganizationConnectedApp>();
    for (const member of this.#membersOf(organization)) {
      for (const { connectedAppId } of this.#grants.activeOf(member.member_id)) {
        const app = this.#findApp(connectedAppId);
        if (app && !apps.has(connectedAppId)) apps.set(connectedAppId, { ...app });
      }
    }
    return [...apps.values()];
  }

  /** The organization's members with an active grant for the app, each with its scopes as a list. */
  activeMembers(
    organization: OrganizationRecord,
    connectedAppId: string,
  ): OrganizationConnectedAppActiveMember[] {
    const active: OrganizationConnectedAppActiveMember[] = [];
    for (const member of this.#membersOf(organization)) {
      const scopes = this.#grants.scopesOf(member.member_id, connectedAppId);
      if (scopes) active.push({ member_id: member.member_id, granted_scopes: [...scopes] });
    }
    return active;
  }

  /** Every token the member's grants to the app issued, revoked or not. */
  tokensOf(organizationRef: string, memberRef: string, connectedAppId: string): TokensResponse {
    const organization = this.#requireOrganization(organizationRef);
    const member = this.findMember(organization, memberRef);
    if (!member)
      throw new EmulatorInputError(
        'member_not_found',
        `No member ${memberRef} in ${organization.organization_id}.`,
      );
    if (!this.#findApp(connectedAppId)) {
      throw new EmulatorInputError('connected_app_not_found', `No connected app ${connectedAppId}.`);
    }
    return this.#grants.tokensOf(member.member_id, connectedAppId);
  }

  #membersOf(organization: OrganizationRecord): MemberRecord[] {
    return [...this.#members.values()].filter(
      (member) => member.organization_id === organization.organization_id,
    );
  }

  #requireOrganization(ref: unknown): OrganizationRecord {
    const organization = typeof ref === 'string' ? this.findOrganization(ref) : undefined;
    if (!organization)
      throw new EmulatorInputError('organization_not_found', `No organization ${String(ref)}.`);
    return organization;
  }
}

/** Stytch's Organization object for a stored organization, the settings at Stytch's defaults. */
export function organizationObject(organization: OrganizationRecord): StytchOrganizationObject {
  return {
    organization_id: organization.organization_id,
    organization_name: organization.organization_name,
    organization_logo_url: organization.organization_logo_url,
    organization_slug: organization.organization_slug,
    ...(organization.organization_external_id === undefined
      ? {}
      : { organization_external_id: organization.organization_external_id }),
    sso_jit_provisioning: 'NOT_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    email_allowed_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_policy: 'OPTIONAL',
    rbac_email_implicit_role_assignments: [],
    mfa_methods: 'ALL_ALLOWED',
    allowed_mfa_methods: [],
    oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
    claimed_email_domains: [],
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
    custom_roles: [],
    trusted_metadata: {},
    created_at: organization.created_at,
    updated_at: organization.created_at,
  };
}

/** The roles a member holds: `stytch_member`, then the assigned ones. */
export function memberRoles(member: MemberRecord): string[] {
  return [MEMBER_ROLE, ...member.roles];
}

/** Stytch's Member object for a stored member. */
export function memberObject(member: MemberRecord): StytchMemberObject {
  return {
    organization_id: member.organization_id,
    member_id: member.member_id,
    email_address: member.email_address,
    status: 'active',
    name: member.name,
    ...(member.external_id === undefined ? {} : { external_id: member.external_id }),
    sso_registrations: [],
    is_breakglass: false,
    member_password_id: '',
    oauth_registrations: [],
    email_address_verified: true,
    mfa_phone_number_verified: false,
    is_admin: member.roles.includes(ADMIN_ROLE),
    totp_registration_id: '',
    retired_email_addresses: [],
    is_locked: false,
    mfa_enrolled: false,
    mfa_phone_number: '',
    default_mfa_method: '',
    roles: memberRoles(member).map((role_id) => ({
      role_id,
      sources: [{ type: 'direct_assignment', details: {} }],
    })),
    trusted_metadata: {},
    untrusted_metadata: {},
    created_at: member.created_at,
    updated_at: member.created_at,
  };
}

function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128);
  return slug.length >= 2 ? slug : `${slug}-org`;
}

function externalKey(organizationId: string, externalId: string): string {
  return `${organizationId}\n${externalId}`;
}
