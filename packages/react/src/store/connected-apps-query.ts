import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  UsersConnectedAppsResponse,
} from '@connected-apps/core';
import { Subscribable } from './subscribable.ts';
import { toConnectedAppsError } from './to-connected-apps-error.ts';

/** The shared state of one user's list. Replaced (never mutated) on every change, so it can be compared by identity. */
export interface ConnectedAppsQueryState {
  status: 'pending' | 'success' | 'error';
  /** The list as the user should see it: what Stytch returned, minus revoked and optimistically hidden apps. */
  data: ConnectedApp[] | undefined;
  error: ConnectedAppsError | null;
  isFetching: boolean;
}

/**
 * One user's connected apps for one client, shared by every mounted `useConnectedApps()` of that user:
 * one request in flight at a time, and a single place where a revoke removes an app.
 */
export class ConnectedAppsQuery extends Subscribable {
  readonly user_id: string;
  state: ConnectedAppsQueryState = { status: 'pending', data: undefined, error: null, isFetching: false };

  private readonly client: ConnectedAppsClient;
  /** The last list received, minus apps revoked since. */
  private received: ConnectedApp[] | undefined;
  /** Apps hidden by optimistic revokes that have not settled yet. */
  private readonly hidden = new Set<string>();
  /** Apps revoked while a request was in flight: its answer may predate the revoke and still list them. */
  private readonly revokedDuringFetch = new Set<string>();
  private inFlight: Promise<void> | undefined;

  constructor(client: ConnectedAppsClient, user_id: string) {
    super();
    this.client = client;
    this.user_id = user_id;
  }

  /** Loads the list, or joins the request already in flight. Never rejects. */
  fetch(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.revokedDuringFetch.clear();
    this.update({ isFetching: true });
    const request = new Promise<UsersConnectedAppsResponse>((resolve) =>
      resolve(this.client.users.connectedApps({ user_id: this.user_id })),
    ).then(
      (response) => {
        this.received = response.connected_apps.filter(
          (app) => !this.revokedDuringFetch.has(app.connected_app_id),
        );
        this.update({ status: 'success', error: null, isFetching: false });
      },
      (error: unknown) => {
        this.update({ status: 'error', error: toConnectedAppsError(error), isFetching: false });
      },
    );
    this.inFlight = request.finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The app was revoked: drop it for good. */
  remove(connected_app_id: string): void {
    this.hidden.delete(connected_app_id);
    if (this.inFlight) this.revokedDuringFetch.add(connected_app_id);
    this.received = this.received?.filter((app) => app.connected_app_id !== connected_app_id);
    this.update({});
  }

  /** An optimistic revoke started: hide the app until it settles. */
  hide(connected_app_id: string): void {
    this.hidden.add(connected_app_id);
    this.update({});
  }

  /** An optimistic revoke failed: show the app again. */
  unhide(connected_app_id: string): void {
    if (this.hidden.delete(connected_app_id)) this.update({});
  }

  private update(patch: Partial<Omit<ConnectedAppsQueryState, 'data'>>): void {
    const received = this.received;
    const data =
      received && this.hidden.size > 0
        ? received.filter((app) => !this.hidden.has(app.connected_app_id))
        : received;
    this.state = { ...this.state, ...patch, data };
    this.notify();
  }
}
