import type { Emulator } from '@connected-apps/stytch-emulator';
import { ADMIN_ROLE } from '../stack/proxy-env.ts';

/** The people and apps an integration test starts from. */
export interface World {
  alice: { user_id: string; external_id: string; jwt: string; token: string };
  bob: { user_id: string; jwt: string; token: string };
  /** A user whose session carries {@link ADMIN_ROLE}. */
  admin: { user_id: string; jwt: string; token: string };
  /** Granted to Alice and Bob. */
  calendar: string;
  /** Granted to Alice only. */
  notes: string;
}

/**
 * Resets the emulator (data, faults, request log) to a known world: Alice (external id `alice-ext`)
 * granted Calendar Sync and Notes, Bob granted Calendar Sync, an admin with the admin role, each with
 * a live session.
 *
 * @example
 * beforeEach(async () => {
 *   world = await seedWorld(stack.emulator);
 * });
 */
export async function seedWorld(emulator: Emulator): Promise<World> {
  const { control } = emulator;
  await control.reset();
  await control.clearFaults();
  const alice = await control.createUser({ name: 'Alice Example', external_id: 'alice-ext' });
  const bob = await control.createUser({ name: 'Bob Example' });
  const admin = await control.createUser({ name: 'Ada Admin' });
  const calendar = await control.createConnectedApp({ name: 'Calendar Sync' });
  const notes = await control.createConnectedApp({ name: 'Notes' });
  const grants = [
    [alice.user_id, calendar.connected_app_id, ['openid', 'calendar']],
    [alice.user_id, notes.connected_app_id, ['openid']],
    [bob.user_id, calendar.connected_app_id, ['openid']],
  ] as const;
  for (const [user_id, connected_app_id, scopes] of grants) {
    await control.createGrant({ user_id, connected_app_id, scopes: [...scopes] });
  }
  const aliceSession = await control.mintSession({ user_id: alice.user_id });
  const bobSession = await control.mintSession({ user_id: bob.user_id });
  const adminSession = await control.mintSession({ user_id: admin.user_id, roles: [ADMIN_ROLE] });
  await control.clearRequests();
  return {
    alice: {
      user_id: alice.user_id,
      external_id: 'alice-ext',
      jwt: aliceSession.session_jwt,
      token: aliceSession.session_token,
    },
    bob: { user_id: bob.user_id, jwt: bobSession.session_jwt, token: bobSession.session_token },
    admin: { user_id: admin.user_id, jwt: adminSession.session_jwt, token: adminSession.session_token },
    calendar: calendar.connected_app_id,
    notes: notes.connected_app_id,
  };
}
