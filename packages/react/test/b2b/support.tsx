import { type ConnectedAppsB2BClient, createB2BProxyClient } from '@connected-apps/core';
import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import {
  countRequests,
  type FaultEffect,
  type SeededMember,
  type SeededOrganization,
  seedMember,
  seedOrganization,
  withEditedOrganizationClaim,
} from '@connected-apps/testkit';
import type { ReactNode } from 'react';
import { ConnectedAppsB2BProvider } from '../../src/b2b/index.ts';
import { control, proxyApiUrl } from '../support/stack.ts';

/** A client of the test proxy's B2B routes; without retries, so each call is exactly one request. */
export function b2bClient(sessionJwt?: string): ConnectedAppsB2BClient {
  return createB2BProxyClient({ baseUrl: proxyApiUrl, ...(sessionJwt ? { sessionJwt } : {}), retry: false });
}

/** A `wrapper` for `renderHook`: the B2B provider with `client`. */
export function b2bWrapper(client: ConnectedAppsB2BClient) {
  // biome-ignore lint/correctness/noComponentHookFactories: a wrapper bound to one client is testing-library's pattern
  return function Wrapper({ children }: { children?: ReactNode }) {
    return <ConnectedAppsB2BProvider client={client}>{children}</ConnectedAppsB2BProvider>;
  };
}

/** A seeded member and a proxy client signed in as them. */
export type Member = SeededMember & { client: ConnectedAppsB2BClient };

/**
 * A fresh organization: an admin (`stytch_admin`, who granted nothing), Ada who granted Calendar Sync
 * and Notes, and Bob who granted the same Calendar Sync; each with a B2B proxy client of their own.
 */
export async function seedTeam(): Promise<{
  organization: SeededOrganization;
  admin: Member;
  ada: Member;
  bob: Member;
  calendar: string;
  notes: string;
}> {
  const organization = await seedOrganization(control);
  const withClient = (member: SeededMember): Member => ({ ...member, client: b2bClient(member.session_jwt) });
  const admin = withClient(await seedMember(control, organization, { roles: ['stytch_admin'] }));
  const ada = withClient(await seedMember(control, organization, { apps: ['Calendar Sync', 'Notes'] }));
  const [calendar, notes] = ada.apps;
  const bob = withClient(await seedMember(control, organization, { apps: [calendar!] }));
  return {
    organization,
    admin,
    ada,
    bob,
    calendar: calendar!.connected_app_id,
    notes: notes!.connected_app_id,
  };
}

/**
 * Two fresh teams, and a client whose session is `mine[who]`'s JWT with its organization claim edited
 * to name `theirs` (the signature kept): a forgery the proxy must refuse before anything reaches Stytch.
 */
export async function forgedForAnotherTeam(who: 'admin' | 'ada') {
  const mine = await seedTeam();
  const theirs = await seedTeam();
  const forged = withEditedOrganizationClaim(mine[who].session_jwt, {
    organization_id: theirs.organization.organization_id,
    slug: theirs.organization.organization_slug,
  });
  return { mine, theirs, client: b2bClient(forged) };
}

/** Where a member's revoke reaches Stytch (the proxy forwards the canonical ids). */
export function stytchMemberRevokePath(
  organization_id: string,
  member_id: string,
  connected_app_id: string,
): string {
  return stytchPath(STYTCH_ROUTES.b2bMembersRevoke.template, {
    organization_id,
    member_id,
    connected_app_id,
  });
}

/** Where a member's list reaches Stytch. */
export function stytchMemberAppsPath(organization_id: string, member_id: string): string {
  return stytchPath(STYTCH_ROUTES.b2bMembersConnectedApps.template, { organization_id, member_id });
}

/** Where an organization's list of apps reaches Stytch. */
export function stytchOrganizationAppsPath(organization_id: string): string {
  return stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApps.template, { organization_id });
}

/** Makes the emulator answer one member's revoke of one app with `effect`. */
export function injectMemberRevokeFault(member: SeededMember, connected_app_id: string, effect: FaultEffect) {
  return control.injectFault({
    method: STYTCH_ROUTES.b2bMembersRevoke.method,
    path: stytchMemberRevokePath(member.organization_id, member.member_id, connected_app_id),
    ...effect,
  });
}

/** How many revokes of `connected_app_id` by (or for) `member` reached Stytch. */
export function memberRevokesSent(member: SeededMember, connected_app_id: string): Promise<number> {
  return countRequests(
    control,
    STYTCH_ROUTES.b2bMembersRevoke.method,
    stytchMemberRevokePath(member.organization_id, member.member_id, connected_app_id),
  );
}

/** The emulator's B2B requests whose path names this organization: what "reached Stytch" for it. */
export async function requestsFor(organization_id: string): Promise<string[]> {
  const { requests } = await control.getRequests();
  return requests
    .filter((request) => request.path.includes(`/v1/b2b/organizations/${organization_id}`))
    .map((request) => `${request.method} ${request.path}`);
}

/** The connected app ids of a list, in order. */
export const ids = (apps: { connected_app_id: string }[] | undefined) =>
  apps?.map((app) => app.connected_app_id);

/** The member ids of a per-app view, in order. */
export const memberIds = (view: { active_members: { member_id: string }[] } | undefined) =>
  view?.active_members.map((member) => member.member_id);
