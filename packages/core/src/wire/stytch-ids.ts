// Stytch's own ids: a kind, the environment, a UUID (`organization-test-…`, `member-live-…`). A path
// segment of this shape names that record by its id, never by a slug or external id.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ORGANIZATION_ID = new RegExp(`^organization-(test|live)-${UUID}$`);
const MEMBER_ID = new RegExp(`^member-(test|live)-${UUID}$`);

/** Whether `value` has the shape of a Stytch organization id (not a slug or external id). */
export function isOrganizationId(value: string): boolean {
  return ORGANIZATION_ID.test(value);
}

/** Whether `value` has the shape of a Stytch member id (not an external id). */
export function isMemberId(value: string): boolean {
  return MEMBER_ID.test(value);
}
