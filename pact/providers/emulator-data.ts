import type { ControlClient } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';
import { CONNECTED_APP } from '../support/examples.ts';
import { STATES } from '../support/provider-states.ts';

/**
 * Provider-state data, created through the emulator's control API exactly as each state names it.
 * Users get an email, as real Stytch users signed in by magic link have.
 */
export async function createUser(control: ControlClient, user_id: string): Promise<void> {
  await control.createUser({ user_id, name: 'Ada Lovelace', email: `${user_id}@example.com` });
}

/** The user, the app (as the pacts show it) and the grant between them. */
export async function createUserWithConnectedApp(
  control: ControlClient,
  user_id: string,
  connected_app_id: string,
): Promise<void> {
  await createUser(control, user_id);
  const { scopes_granted, ...app } = CONNECTED_APP;
  await control.createConnectedApp({ ...app, connected_app_id });
  await control.createGrant({ user_id, connected_app_id, scopes: scopes_granted });
}

/** The `userHasConnectedApp` provider state, the same for every provider that sits on the emulator. */
function userHasConnectedApp(control: ControlClient) {
  return async (params: unknown): Promise<void> => {
    await createUserWithConnectedApp(control, param(params, 'user_id'), param(params, 'connected_app_id'));
  };
}

/** Reads a state parameter the pact must carry; a missing one is a broken pact, said plainly. */
export function param(params: unknown, name: string): string {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '')
    throw new Error(`Provider state parameter "${name}" is missing`);
  return value;
}

/** The `organizationExists` state: the organization under its id, slug and external id. */
function organizationExists(control: ControlClient) {
  return async (params: unknown): Promise<void> => {
    await control.createOrganization({
      organization_id: param(params, 'organization_id'),
      organization_name: 'Example Org',
      organization_slug: param(params, 'organization_slug'),
      organization_external_id: param(params, 'organization_external_id'),
    });
  };
}

/** The `memberExists` state: a member of an existing organization, with the roles (and external id) the pact names. */
function memberExists(control: ControlClient) {
  return async (params: unknown): Promise<void> => {
    const member_id = param(params, 'member_id');
    const { roles, external_id } = params as { roles?: unknown; external_id?: unknown };
    await control.createMember({
      organization_id: param(params, 'organization_id'),
      member_id,
      email_address: `${member_id}@example.com`,
      name: 'Ada Lovelace',
      roles: typeof roles === 'string' ? roles.split(' ').filter((role) => role !== '') : [],
      ...(typeof external_id === 'string' ? { external_id } : {}),
    });
  };
}

/** The `memberHasConnectedApp` state: the app (as the pacts show it) and the member's grant of it. */
function memberHasConnectedApp(control: ControlClient) {
  return async (params: unknown): Promise<void> => {
    const connected_app_id = param(params, 'connected_app_id');
    const { scopes_granted, ...app } = CONNECTED_APP;
    await control.createConnectedApp({ ...app, connected_app_id });
    await control.createMemberGrant({
      organization_id: param(params, 'organization_id'),
      member_id: param(params, 'member_id'),
      connected_app_id,
      scopes: scopes_granted,
    });
  };
}

/** A live session of the member the state names. */
export function mintMemberSession(control: ControlClient, params: unknown) {
  return control.mintMemberSession({
    organization_id: param(params, 'organization_id'),
    member_id: param(params, 'member_id'),
  });
}

/**
 * The states every provider on the emulator sets up the same way, purely as data: a user's app, and
 * the B2B organization, its members and their grants.
 */
export function dataStateHandlers(control: ControlClient): NonNullable<VerifierOptions['stateHandlers']> {
  return {
    [STATES.userHasConnectedApp]: userHasConnectedApp(control),
    [STATES.organizationExists]: organizationExists(control),
    [STATES.memberExists]: memberExists(control),
    [STATES.memberHasConnectedApp]: memberHasConnectedApp(control),
  };
}
