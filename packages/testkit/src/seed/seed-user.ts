import type { ConnectedAppRecord, ControlClient } from '@connected-apps/stytch-emulator';

/** A fresh user, the apps they granted, and a live session of theirs. */
export interface SeededUser {
  user_id: string;
  apps: ConnectedAppRecord[];
  session_jwt: string;
  session_token: string;
}

/** Options of {@link seedUser}. */
export interface SeedUserOptions {
  /** The user's name. @default none */
  name?: string;
  /** The scopes of every grant. @default ['openid', 'email'] */
  scopes?: string[];
}

/**
 * Creates a user who granted one new app per name, and mints them a session. Every call makes new
 * ids, so tests sharing one emulator never see each other's data.
 *
 * @example
 * const user = await seedUser(control, ['Calendar Sync']);
 * await fetch(`${apiUrl}${stytchListPath(user.user_id)}`, { headers: bearer(user.session_jwt) });
 */
export async function seedUser(
  control: ControlClient,
  appNames: readonly string[] = ['Calendar Sync', 'Notes'],
  options: SeedUserOptions = {},
): Promise<SeededUser> {
  const user = await control.createUser(options.name === undefined ? {} : { name: options.name });
  const apps: ConnectedAppRecord[] = [];
  for (const name of appNames) {
    const app = await control.createConnectedApp({ name, logo_url: null });
    await control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: options.scopes ?? ['openid', 'email'],
    });
    apps.push(app);
  }
  const session = await control.mintSession({ user_id: user.user_id });
  return {
    user_id: user.user_id,
    apps,
    session_jwt: session.session_jwt,
    session_token: session.session_token,
  };
}
