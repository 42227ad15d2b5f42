import type {
  ConnectedAppsClient,
  ProxyClient,
  UsersRevokeAllRequest,
  UsersRevokeAllResponse,
} from '@connected-apps/core';
import type { ConnectedAppsStore } from './connected-apps-store.ts';
import { toConnectedAppsError } from './to-connected-apps-error.ts';

// Outside the store's class, so a page that never revokes everything does not ship it.
const inFlight = new WeakMap<ConnectedAppsStore, Map<string, Promise<UsersRevokeAllResponse>>>();

/**
 * Revokes every app of the user through the proxy's revoke-all, or joins the one of that user already
 * in flight on this store. Resolves with the envelope (all revoked, or some failed): the revoked apps
 * leave the user's list, the failed ones stay. Rejects with a `ConnectedAppsError` when the call failed
 * as a whole, or when the client has no `users.revokeAll` (only `createProxyClient`'s has).
 *
 * @example
 * const { connected_apps } = await revokeAll(storeForClient(client), { user_id });
 */
export function revokeAll(
  store: ConnectedAppsStore,
  { user_id }: UsersRevokeAllRequest,
): Promise<UsersRevokeAllResponse> {
  let calls = inFlight.get(store);
  if (!calls) {
    calls = new Map();
    inFlight.set(store, calls);
  }
  const pending = calls.get(user_id);
  if (pending) return pending;
  const client = store.client as ConnectedAppsClient & Partial<ProxyClient>;
  // `new Promise` turns a synchronous throw (a client without revokeAll) into a rejection.
  const request = new Promise<UsersRevokeAllResponse>((resolve) =>
    resolve((client.users as ProxyClient['users']).revokeAll({ user_id })),
  ).then(
    (response) => {
      for (const app of response.connected_apps) {
        if (app.outcome === 'revoked') store.query(user_id).remove(app.connected_app_id);
      }
      return response;
    },
    (error: unknown) => {
      throw toConnectedAppsError(error);
    },
  );
  const tracked = request.finally(() => calls.delete(user_id));
  calls.set(user_id, tracked);
  return tracked;
}
