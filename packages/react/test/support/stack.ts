import { type ConnectedAppsClient, createProxyClient } from '@connected-apps/core';
import { createControlClient } from '@connected-apps/stytch-emulator';
import {
  type SeededUser as KitSeededUser,
  seedUser as kitSeedUser,
  sessionJwtCookie,
} from '@connected-apps/testkit';
import { inject } from 'vitest';

/** The emulator and proxy started by `global-setup.ts`. */
export const emulatorUrl = inject('emulatorUrl');
export const proxyApiUrl = inject('proxyApiUrl');
export const control = createControlClient(emulatorUrl);

/** A fresh user with granted apps (the kit's), and a proxy client signed in as them. */
export interface SeededUser extends KitSeededUser {
  /** A proxy client carrying this user's session JWT (bearer). */
  client: ConnectedAppsClient;
}

/** A fresh user with one granted app per name, and a proxy client signed in as them. */
export async function seedUser(appNames?: string[]): Promise<SeededUser> {
  const user = await kitSeedUser(control, appNames);
  return { ...user, client: proxyClient(user.session_jwt) };
}

/** A client of the test proxy; without retries, so each call is exactly one request. */
export function proxyClient(sessionJwt?: string): ConnectedAppsClient {
  return createProxyClient({ baseUrl: proxyApiUrl, ...(sessionJwt ? { sessionJwt } : {}), retry: false });
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
    baseUrl: proxyApiUrl,
    headers: { ...sessionJwtCookie(sessionJwt), origin },
    retry: false,
  });
}
