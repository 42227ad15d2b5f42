import { randomUUID } from 'node:crypto';
import type { ConnectedAppRecord, ControlClient } from '@connected-apps/stytch-emulator';

/** A fresh member of an organization, the apps they granted, and a live member session of theirs. */
export interface SeededMember {
  organization_id: string;
  member_id: string;
  external_id: string;
  /** The apps this member granted, in the order given. */
  apps: ConnectedAppRecord[];
  session_jwt: string;
  session_token: string;
}

/** Options of {@link seedMember}. */
export interface SeedMemberOptions {
  /**
   * The apps the member grants: a name creates a new app, a record grants that existing app (so
   * several members can share one). @default []
   */
  apps?: ReadonlyArray<string | ConnectedAppRecord>;
  /** Roles besides `stytch_member`, e.g. `['stytch_admin']`. @default [] */
  roles?: string[];
  /** The scopes of every grant. @default ['openid', 'email'] */
  scopes?: string[];
  /** The member's name. @default 'Member Example' */
  name?: string;
}

/** A fresh organization: its id and the two other names a path may use for it. */
export interface SeededOrganization {
  organization_id: string;
  organization_slug: string;
  organization_external_id: string;
}

/**
 * Creates an organization with a unique slug and external id. Every call makes new names, so tests
 * sharing one emulator never see each other's organizations; {@link seedMember} adds its members.
 *
 * @example
 * const acme = await seedOrganization(control);
 * const admin = await seedMember(control, acme, { roles: ['stytch_admin'] });
 * const ada = await seedMember(control, acme, { apps: ['Calendar Sync'] });
 * const bob = await seedMember(control, acme, { apps: [ada.apps[0]!] }); // the same app
 */
export async function seedOrganization(
  control: ControlClient,
  organization_name = 'Example Org',
): Promise<SeededOrganization> {
  const unique = randomUUID().slice(0, 8);
  const organization_slug = `org-${unique}`;
  const organization_external_id = `org-ext-${unique}`;
  const { organization_id } = await control.createOrganization({
    organization_name,
    organization_slug,
    organization_external_id,
  });
  return { organization_id, organization_slug, organization_external_id };
}

/**
 * Creates a member of `organization` who granted `options.apps`, and mints them a member session
 * (its JWT carries the organization claim and the member's roles).
 *
 * @example
 * const ada = await seedMember(control, acme, { apps: ['Calendar Sync'] });
 */
export async function seedMember(
  control: ControlClient,
  organization: { organization_id: string },
  options: SeedMemberOptions = {},
): Promise<SeededMember> {
  const { organization_id } = organization;
  const external_id = `member-ext-${randomUUID().slice(0, 8)}`;
  const { member_id } = await control.createMember({
    organization_id,
    email_address: `${external_id}@example.com`,
    name: options.name ?? 'Member Example',
    external_id,
    roles: options.roles ?? [],
  });
  const apps: ConnectedAppRecord[] = [];
  for (const app of options.apps ?? []) {
    const record =
      typeof app === 'string' ? await control.createConnectedApp({ name: app, logo_url: null }) : app;
    await control.createMemberGrant({
      organization_id,
      member_id,
      connected_app_id: record.connected_app_id,
      scopes: options.scopes ?? ['openid', 'email'],
    });
    apps.push(record);
  }
  const session = await control.mintMemberSession({ organization_id, member_id });
  return {
    organization_id,
    member_id,
    external_id,
    apps,
    session_jwt: session.session_jwt,
    session_token: session.session_token,
  };
}
