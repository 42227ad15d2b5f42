import type { Emulator } from '@connected-apps/stytch-emulator';

/** A connected app and the users who each hold a grant on it. */
export interface SeededGrants {
  connected_app_id: string;
  user_ids: string[];
}

/**
 * Creates one third-party connected app and `users` users, each granted `openid` and `email` on it:
 * the data every benchmark and soak request acts on (revoking again is idempotent, so it never runs out).
 *
 * @example
 * const { connected_app_id, user_ids } = await seedGrants(emulator.control, { label: 'Soak', users: 8 });
 */
export async function seedGrants(
  control: Emulator['control'],
  options: {
    /** Names the app (`<label> App`) and the users (`<label> User <i>`). */
    label: string;
    users: number;
  },
): Promise<SeededGrants> {
  const app = await control.createConnectedApp({ name: `${options.label} App`, client_type: 'third_party' });
  const user_ids: string[] = [];
  for (let i = 0; i < options.users; i++) {
    const user = await control.createUser({ name: `${options.label} User ${i}` });
    await control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid', 'email'],
    });
    user_ids.push(user.user_id);
  }
  return { connected_app_id: app.connected_app_id, user_ids };
}
