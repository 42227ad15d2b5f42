import type { ConnectedAppsError } from '@connected-apps/core';
import { Subscribable } from './subscribable.ts';
import { toConnectedAppsError } from './to-connected-apps-error.ts';

/** The shared state of one list (or view). Replaced (never mutated) on every change, so it can be compared by identity. */
export interface QueryState<T> {
  status: 'pending' | 'success' | 'error';
  /** What the user should see: what Stytch returned, minus revoked and optimistically hidden entries. */
  data: T | undefined;
  error: ConnectedAppsError | null;
  isFetching: boolean;
}

/**
 * Leaves out the entries with these ids: a list's apps, or a per-app view's members. Given the
 * entries to drop, so the query itself does not need to know what its data looks like.
 */
export type Without<T> = (data: T, ids: ReadonlySet<string>) => T;

/**
 * One list for one client, shared by every mounted hook showing it (a user's apps, a member's apps,
 * an organization's apps, or one app's members): one request in flight at a time, and a single place
 * where a revoke removes an entry.
 */
export class Query<T> extends Subscribable {
  state: QueryState<T> = { status: 'pending', data: undefined, error: null, isFetching: false };

  private readonly load: () => Promise<T>;
  private readonly without: Without<T>;
  /** The last data received, minus entries revoked since. */
  private received: T | undefined;
  /** Entries hidden by optimistic revokes that have not settled yet. */
  private readonly hidden = new Set<string>();
  /** Entries revoked while a request was in flight: its answer may predate the revoke and still hold them. */
  private readonly revokedDuringFetch = new Set<string>();
  private inFlight: Promise<void> | undefined;

  constructor(load: () => Promise<T>, without: Without<T>) {
    super();
    this.load = load;
    this.without = without;
  }

  /** Loads the data, or joins the request already in flight. Never rejects. */
  fetch(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.revokedDuringFetch.clear();
    this.update({ isFetching: true });
    // `new Promise` turns a synchronous throw from a custom client into a rejection.
    const request = new Promise<T>((resolve) => resolve(this.load())).then(
      (data) => {
        this.received = this.without(data, this.revokedDuringFetch);
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

  /** The entry was revoked: drop it for good. */
  remove(id: string): void {
    this.hidden.delete(id);
    if (this.inFlight) this.revokedDuringFetch.add(id);
    this.received &&= this.without(this.received, new Set([id]));
    this.update({});
  }

  /** An optimistic revoke started: hide the entry until it settles. */
  hide(id: string): void {
    this.hidden.add(id);
    this.update({});
  }

  /** An optimistic revoke failed: show the entry again. */
  unhide(id: string): void {
    if (this.hidden.delete(id)) this.update({});
  }

  private update(patch: Partial<Omit<QueryState<T>, 'data'>>): void {
    const received = this.received;
    const data = received && this.hidden.size > 0 ? this.without(received, this.hidden) : received;
    this.state = { ...this.state, ...patch, data };
    this.notify();
  }
}
