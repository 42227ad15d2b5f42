import fixture from '@connected-apps/stytch-emulator/fixtures/b2b-demo.json' with { type: 'json' };

// Stytch's connected-apps answers name members by id only. A product shows names from its own member
// directory; the demo reads them from the fixture it seeded the emulator with.
const names = new Map(fixture.members.map((member) => [member.member_id, member.name]));
const organizations = new Map(
  fixture.organizations.map((organization) => [organization.organization_id, organization.organization_name]),
);

/** A member's name, or their id when the directory does not know them. */
export function memberName(member_id: string): string {
  return names.get(member_id) ?? member_id;
}

/** An organization's name, or its id. */
export function organizationName(organization_id: string): string {
  return organizations.get(organization_id) ?? organization_id;
}
