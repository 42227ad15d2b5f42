import type { Emulator } from '../src/index.ts';

// B2B paths spelled out, as the consumer ones are in helpers.ts: an independent check of the
// emulator's routes against Stytch's documented paths, not against core's templates.

/** `organizations.members.getConnectedApps` */
export function memberAppsPath(organization: string, member: string): string {
  return `/v1/b2b/organizations/${encodeURIComponent(organization)}/members/${encodeURIComponent(member)}/connected_apps`;
}

/** `organizations.members.connectedApps.revoke` */
export function memberRevokePath(organization: string, member: string, app: string): string {
  return `${memberAppsPath(organization, member)}/${encodeURIComponent(app)}/revoke`;
}

/** `organizations.connectedApps` / `organizations.getConnectedApp` */
export function organizationAppsPath(organization: string, app?: string): string {
  const base = `/v1/b2b/organizations/${encodeURIComponent(organization)}/connected_apps`;
  return app === undefined ? base : `${base}/${encodeURIComponent(app)}`;
}

/**
 * Acme (slug `acme`, external id `acme-ext`) with Ada (`stytch_admin`), Bob (`stytch_member` only,
 * external id `bob-ext`) and Carol (the custom role `apps_manager`, which may revoke any member's apps);
 * Globex with Gina. Calendar Sync granted to Ada, Bob and Gina, Notes to Bob.
 */
export async function seedOrganizations(emulator: Emulator) {
  const { control } = emulator;
  await control.setRbacPolicy({
    roles: [
      {
        role_id: 'apps_manager',
        description: 'Manages the connected apps of every member.',
        permissions: [
          { resource_id: 'stytch.member', actions: ['get.connected-apps', 'revoke.connected-app'] },
        ],
      },
    ],
  });
  const acme = await control.createOrganization({
    organization_name: 'Acme',
    organization_slug: 'acme',
    organization_external_id: 'acme-ext',
  });
  const globex = await control.createOrganization({
    organization_name: 'Globex',
    organization_slug: 'globex',
  });
  const ada = await control.createMember({
    organization_id: 'acme',
    email_address: 'ada@acme.example',
    name: 'Ada',
    roles: ['stytch_admin'],
  });
  const bob = await control.createMember({
    organization_id: acme.organization_id,
    email_address: 'bob@acme.example',
    name: 'Bob',
    external_id: 'bob-ext',
  });
  const carol = await control.createMember({
    organization_id: 'acme-ext',
    email_address: 'carol@acme.example',
    name: 'Carol',
    roles: ['apps_manager'],
  });
  const gina = await control.createMember({
    organization_id: 'globex',
    email_address: 'gina@globex.example',
  });
  const calendar = await control.createConnectedApp({
    name: 'Calendar Sync',
    description: 'Syncs calendars.',
  });
  const notes = await control.createConnectedApp({ name: 'Notes', client_type: 'first_party' });
  for (const [organization, member, app, scopes] of [
    [acme, ada, calendar, ['openid', 'email']],
    [acme, bob, calendar, ['openid']],
    [acme, bob, notes, ['openid', 'profile']],
    [globex, gina, calendar, ['openid']],
  ] as const) {
    await control.createMemberGrant({
      organization_id: organization.organization_id,
      member_id: member.member_id,
      connected_app_id: app.connected_app_id,
      scopes: [...scopes],
    });
  }
  await control.clearRequests();
  return { acme, globex, ada, bob, carol, gina, calendar, notes };
}
