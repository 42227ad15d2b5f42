import {
  ADMIN_MEMBER_ID,
  ADMIN_ROLE,
  CONNECTED_APP_ID,
  MEMBER_ID,
  ORGANIZATION,
  OTHER_MEMBER_ID,
} from './examples.ts';
import type { Given } from './interactions.ts';
import { STATES } from './provider-states.ts';

// The B2B provider states with their parameters, as the interactions of both pacts name them. The
// organization is the example one unless said otherwise.

const { organization_id } = ORGANIZATION;

/** The example organization, under its id, slug and external id. */
export const organizationExists: Given = [
  STATES.organizationExists,
  {
    organization_id,
    organization_slug: ORGANIZATION.organization_slug,
    organization_external_id: ORGANIZATION.organization_external_id,
  },
];

/** No organization with this id. */
export const organizationDoesNotExist = (id: string): Given => [
  STATES.organizationDoesNotExist,
  { organization_id: id },
];

/** A member of the example organization, with `stytch_member` and the roles given (and an external id). */
export const memberExists = (
  member_id: string,
  extra: { roles?: string; external_id?: string } = {},
): Given => [STATES.memberExists, { organization_id, member_id, ...extra }];

/** The member has authorized the app. */
export const memberHasConnectedApp = (member_id: string, connected_app_id = CONNECTED_APP_ID): Given => [
  STATES.memberHasConnectedApp,
  { organization_id, member_id, connected_app_id },
];

/** The member holds a live member session. */
export const memberIsSignedIn = (member_id: string): Given => [
  STATES.memberIsSignedIn,
  { organization_id, member_id },
];

/** The member is signed in and has spent the proxy's per-caller allowance. */
export const memberHasUsedUpRateLimit = (member_id: string): Given => [
  STATES.memberHasUsedUpRateLimit,
  { organization_id, member_id },
];

/** The member, signed in, has revoked the app through the proxy (its audit trail holds the row). */
export const memberRevokedConnectedApp = (member_id: string, connected_app_id = CONNECTED_APP_ID): Given => [
  STATES.memberRevokedConnectedApp,
  { organization_id, member_id, connected_app_id },
];

/** A member who had the app, revoked it through the proxy, and is signed in. */
export const memberWhoRevokedApp: ReadonlyArray<Given> = [
  organizationExists,
  memberExists(MEMBER_ID),
  memberHasConnectedApp(MEMBER_ID),
  memberRevokedConnectedApp(MEMBER_ID),
];

/** A member who has the app and is signed in. */
export const memberWithApp = (member_id = MEMBER_ID): Given[] => [
  organizationExists,
  memberExists(member_id),
  memberHasConnectedApp(member_id),
  memberIsSignedIn(member_id),
];

/** An admin signed in, and a member of the same organization who has the app. */
export const adminAndMemberWithApp: ReadonlyArray<Given> = [
  organizationExists,
  memberExists(ADMIN_MEMBER_ID, { roles: ADMIN_ROLE }),
  memberExists(MEMBER_ID),
  memberHasConnectedApp(MEMBER_ID),
  memberIsSignedIn(ADMIN_MEMBER_ID),
];

/** A plain member signed in, and another member of the same organization who has the app. */
export const memberAndOtherMemberWithApp: ReadonlyArray<Given> = [
  organizationExists,
  memberExists(MEMBER_ID),
  memberExists(OTHER_MEMBER_ID),
  memberHasConnectedApp(OTHER_MEMBER_ID),
  memberIsSignedIn(MEMBER_ID),
];
