import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import type { Emulator } from '@connected-apps/stytch-emulator';
import { PROXY_BASE_PATH, stytchRequests } from '@connected-apps/testkit';

/** A member with a live session: its ids and both credentials. */
export interface SeededMember {
  member_id: string;
  organization_id: string;
  jwt: string;
  token: string;
}

/** The organizations, members and apps the B2B tests start from. */
export interface B2BWorld {
  /** Slug `acme`, external id `acme-ext`. */
  acme: { organization_id: string; slug: 'acme'; external_id: 'acme-ext' };
  /** Slug `globex`, external id `globex-ext`. */
  globex: { organization_id: string; slug: 'globex'; external_id: 'globex-ext' };
  /** Acme, `stytch_admin`; granted Calendar Sync. */
  ada: SeededMember;
  /** Acme, `stytch_member` only, external id `bob-ext`; granted Calendar Sync and Notes. */
  bob: SeededMember & { external_id: 'bob-ext' };
  /** Acme, the custom role `apps_manager` (`get`/`revoke` on `stytch.member`); granted nothing. */
  carol: SeededMember;
  /** Globex, `stytch_admin` (an admin, of another organization); granted Calendar Sync. */
  gina: SeededMember;
  calendar: string;
  notes: string;
}

/** The custom role of {@link B2BWorld}'s Carol. */
export const APPS_MANAGER = {
  role_id: 'apps_manager',
  description: 'Manages the connected apps of every member.',
  permissions: [{ resource_id: 'stytch.member', actions: ['get.connected-apps', 'revoke.connected-app'] }],
};

/**
 * Resets the emulator (data, faults, request log, the RBAC policy to Stytch's defaults plus
 * {@link APPS_MANAGER}) and seeds {@link B2BWorld}, each member with a live session.
 *
 * @example
 * beforeEach(async () => {
 *   world = await seedB2BWorld(stack.emulator);
 * });
 */
export async function seedB2BWorld(emulator: Emulator): Promise<B2BWorld> {
  const { control } = emulator;
  await control.reset();
  await control.setRbacPolicy({ roles: [APPS_MANAGER] });
  const acme = await control.createOrganization({
    organization_name: 'Acme',
    organization_slug: 'acme',
    organization_external_id: 'acme-ext',
  });
  const globex = await control.createOrganization({
    organization_name: 'Globex',
    organization_slug: 'globex',
    organization_external_id: 'globex-ext',
  });
  const member = async (organization_id: string, email_address: string, extra: object = {}) => {
    const created = await control.createMember({ organization_id, email_address, ...extra });
    const session = await control.mintMemberSession({ organization_id, member_id: created.member_id });
    return {
      member_id: created.member_id,
      organization_id,
      jwt: session.session_jwt,
      token: session.session_token,
    };
  };
  const ada = await member(acme.organization_id, 'ada@acme.example', { roles: ['stytch_admin'] });
  const bob = await member(acme.organization_id, 'bob@acme.example', { external_id: 'bob-ext' });
  const carol = await member(acme.organization_id, 'carol@acme.example', { roles: ['apps_manager'] });
  const gina = await member(globex.organization_id, 'gina@globex.example', { roles: ['stytch_admin'] });
  const calendar = (await control.createConnectedApp({ name: 'Calendar Sync' })).connected_app_id;
  const notes = (await control.createConnectedApp({ name: 'Notes', client_type: 'first_party' }))
    .connected_app_id;
  for (const [who, app, scopes] of [
    [ada, calendar, ['openid', 'email']],
    [bob, calendar, ['openid']],
    [bob, notes, ['openid', 'profile']],
    [gina, calendar, ['openid']],
  ] as const) {
    await control.createMemberGrant({
      organization_id: who.organization_id,
      member_id: who.member_id,
      connected_app_id: app,
      scopes: [...scopes],
    });
  }
  await control.clearRequests();
  return {
    acme: { organization_id: acme.organization_id, slug: 'acme', external_id: 'acme-ext' },
    globex: { organization_id: globex.organization_id, slug: 'globex', external_id: 'globex-ext' },
    ada,
    bob: { ...bob, external_id: 'bob-ext' },
    carol,
    gina,
    calendar,
    notes,
  };
}

/** Whether the member's grant to the app is still active, as the emulator records it. */
export async function grantActive(emulator: Emulator, who: SeededMember, app: string): Promise<boolean> {
  return (await emulator.control.getMemberTokens(who.organization_id, who.member_id, app)).grant_active;
}

/** Stytch's wire path of a member's apps (what the emulator's request log records). */
export function stytchMemberAppsPath(organization_id: string, member_id: string): string {
  return stytchPath(STYTCH_ROUTES.b2bMembersConnectedApps.template, { organization_id, member_id });
}

/** Stytch's wire path of a member's revoke. */
export function stytchMemberRevokePath(organization_id: string, member_id: string, app: string): string {
  return stytchPath(STYTCH_ROUTES.b2bMembersRevoke.template, {
    organization_id,
    member_id,
    connected_app_id: app,
  });
}

/** Stytch's wire path of the organization's apps, or of one of them. */
export function stytchOrganizationAppsPath(organization_id: string, app?: string): string {
  return app === undefined
    ? stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApps.template, { organization_id })
    : stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApp.template, {
        organization_id,
        connected_app_id: app,
      });
}

/** The proxy's path of a member's apps (Stytch's path under the base path). */
export const proxyMemberAppsPath = (organization_id: string, member_id: string) =>
  `${PROXY_BASE_PATH}${stytchMemberAppsPath(organization_id, member_id)}`;

/** The proxy's path of a member's revoke. */
export const proxyMemberRevokePath = (organization_id: string, member_id: string, app: string) =>
  `${PROXY_BASE_PATH}${stytchMemberRevokePath(organization_id, member_id, app)}`;

/** The proxy's path of the organization's apps, or of one of them. */
export const proxyOrganizationAppsPath = (organization_id: string, app?: string) =>
  `${PROXY_BASE_PATH}${stytchOrganizationAppsPath(organization_id, app)}`;

const RBAC_POLICY = `GET ${STYTCH_ROUTES.b2bRbacPolicy.template}`;

/**
 * What reached the emulator as `METHOD /path`, without the JWKS fetches (consumer and B2B) and, with
 * `withPolicy: false`, without the RBAC policy fetch (also the proxy's own schedule).
 */
export async function memberStytchRequests(
  emulator: Emulator,
  options: { withPolicy?: boolean } = {},
): Promise<string[]> {
  return (await stytchRequests(emulator.control)).filter(
    (line) => options.withPolicy !== false || line !== RBAC_POLICY,
  );
}
