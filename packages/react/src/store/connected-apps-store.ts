import type {
  ConnectedApp,
  ConnectedAppsClient,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from '@connected-apps/core';
import { Query } from './query.ts';
import { toConnectedAppsError } from './to-connected-apps-error.ts';
import { withoutApps } from './without-apps.ts';

/**
 * Everything the hooks share for one client, with no React in it: each user's list, and the revokes
 * in flight. A revoke of an app that is already being revoked joins that request instead of sending another.
 */
export class ConnectedAppsStore {
  readonly client: ConnectedAppsClient;
  private readonly queries = new Map<string, Query<ConnectedApp[]>>();
  private readonly revokes = new Map<string, Promise<UsersRevokeResponse>>();

  constructor(client: ConnectedAppsClient) {
    this.client = client;
  }

  /** The shared list of one user, created on first use. */
  query(user_id: string): Query<ConnectedApp[]> {
    let query = this.queries.get(user_id);
    if (!query) {
      query = new Query(
        () => this.client.users.connectedApps({ user_id }).then((response) => response.connected_apps),
        withoutApps,
      );
      this.queries.set(user_id, query);
    }
    return query;
  }

  /**
   * Revokes the app, or joins the revoke of the same (user, app) already in flight: the one place where
   * revokes are de-duplicated. A joined call gets the very same promise (and the first call's
   * `optimistic` choice stands). On success the app leaves the user's list; rejects with a
   * `ConnectedAppsError`.
   */
  revoke(
    variables: UsersRevokeRequest,
    options: { optimistic?: boolean } = {},
  ): Promise<UsersRevokeResponse> {
    const key = revokeKey(variables);
    const pending = this.revokes.get(key);
    if (pending) return pending;

    const { user_id, connected_app_id } = variables;
    if (options.optimistic) this.query(user_id).hide(connected_app_id);
    // `new Promise` turns a synchronous throw from a custom client into a rejection.
    const request = new Promise<UsersRevokeResponse>((resolve) =>
      resolve(this.client.users.revoke({ user_id, connected_app_id })),
    ).then(
      (response) => {
        this.queries.get(user_id)?.remove(connected_app_id);
        return response;
      },
      (error: unknown) => {
        this.queries.get(user_id)?.unhide(connected_app_id);
        throw toConnectedAppsError(error);
      },
    );
    const tracked = request.finally(() => this.revokes.delete(key));
    // The joined promise is what callers get; it settles after the map entry is gone.
    this.revokes.set(key, tracked);
    return tracked;
  }
}

/** One key per (user, app); the NUL separator cannot occur in ids core accepts (no control characters). */
function revokeKey({ user_id, connected_app_id }: UsersRevokeRequest): string {
  return `${user_id}\u0000${connected_app_id}`;
}
