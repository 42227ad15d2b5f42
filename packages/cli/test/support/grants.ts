import type { Fixtures } from '@connected-apps/stytch-emulator';

/** The app every bulk test revokes. */
export const APP_ID = 'connected-app-test-0c11e5a1-0000-4000-8000-00000000a990';

/** A deterministic Stytch-style user id for index `n`. */
export function userId(n: number): string {
  return `user-test-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** `count` users who each granted {@link APP_ID}: one fixture document, loaded in one call. */
export function oneAppGrantedBy(count: number): { fixtures: Fixtures; userIds: string[] } {
  const userIds = Array.from({ length: count }, (_, n) => userId(n));
  return {
    userIds,
    fixtures: {
      users: userIds.map((user_id) => ({ user_id })),
      connected_apps: [{ connected_app_id: APP_ID, name: 'Compromised Sync' }],
      grants: userIds.map((user_id) => ({ user_id, connected_app_id: APP_ID, scopes: ['openid'] })),
    },
  };
}
