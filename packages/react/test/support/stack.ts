import { type ConnectedAppsClient, createProxyClient } from '@connected-apps/core';
import { type ConnectedAppRecord, createControlClient } from '@connected-apps/stytch-emulator';
import { inject } from 'vitest';

/** The emulator and proxy started by `global-setup.ts`. */
export const emulatorUrl = inject('emulatorUrl');
export const proxyUrl = inject('proxyUrl');
export const control = createControlClient(emulatorUrl);

/** A fresh user with `appNames.length` granted apps, and a proxy client signed in as them. */
export interface SeededUser {
  user_id: string;
  apps: ConnectedAppRecord[];
  /** A proxy client carrying this user's session JWT (bearer). */
  client: ConnectedAppsClient;
}

export async function seedUser(appNames: string[] = ['Calendar Sync', 'Notes']): Promise<SeededUser> {
  const user = await control.createUser({});
  const apps: ConnectedAppRecord[] = [];
  for (const name of appNames) {
    const app = await control.createConnectedApp({ name, logo_url: null });
    await control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid', 'email'],
    });
    apps.push(app);
  }
  const session = await control.mintSession({ user_id: user.user_id });
  return { user_id: user.user_id, apps, client: proxyClient(session.session_jwt) };
}

/** A client of the test proxy; without retries, so each call is exactly one request. */
export function proxyClient(sessionJwt?: string): ConnectedAppsClient {
  return createProxyClient({
    baseUrl: `${proxyUrl}/api`,
    ...(sessionJwt ? { sessionJwt } : {}),
    retry: false,
  });
}

/**
 * A proxy client sending what a browser sends for another site's page that calls the proxy: the
 * session cookie (browsers attach it by themselves) and that site's `Origin`. A page cannot set
 * either header; Node's fetch, which the tests use, lets us write them as a browser would.
 */
export function crossSiteCookieClient(
  sessionJwt: string,
  origin = 'https://attacker.example',
): ConnectedAppsClient {
  return createProxyClient({
    baseUrl: `${proxyUrl}/api`,
    headers: { cookie: `stytch_session_jwt=${sessionJwt}`, origin },
    retry: false,
  });
}

/** The wire path of a revoke at Stytch (what the emulator logs and what faults match). */
export function revokePath(user_id: string, connected_app_id: string): string {
  return `/v1/users/${user_id}/connected_apps/${connected_app_id}/revoke`;
}

/** The wire path of a list at Stytch. */
export function listPath(user_id: string): string {
  return `/v1/users/${user_id}/connected_apps`;
}

/** How many requests the emulator received for exactly this method and path. */
export async function countRequests(method: string, path: string): Promise<number> {
  const { requests } = await control.getRequests();
  return requests.filter((request) => request.method === method && request.path === path).length;
}

/**
 * Waits long enough for a request that should not exist to reach the emulator, before counting:
 * "exactly one" is only meaningful once a duplicate would have had time to arrive.
 */
export function quietPeriod(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
