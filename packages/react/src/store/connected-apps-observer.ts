import type { UseConnectedAppsResult } from '../types.ts';
import type { ConnectedAppsQuery, ConnectedAppsQueryState } from './connected-apps-query.ts';
import type { ConnectedAppsStore } from './connected-apps-store.ts';
import { Subscribable } from './subscribable.ts';

const disabledState: ConnectedAppsQueryState = {
  status: 'pending',
  data: undefined,
  error: null,
  isFetching: false,
};

/**
 * One `useConnectedApps()` looking at one user's shared list. Created per (store, user, enabled), so a
 * change of user is simply a new observer. Subscribing loads the list (joining a request in flight,
 * which is what keeps StrictMode's subscribe–unsubscribe–subscribe to a single request).
 */
export class ConnectedAppsObserver extends Subscribable {
  private readonly query: ConnectedAppsQuery | undefined;
  private stopListening: (() => void) | undefined;
  private seenState: ConnectedAppsQueryState | undefined;
  private result: UseConnectedAppsResult | undefined;

  constructor(store: ConnectedAppsStore, user_id: string | null | undefined, enabled: boolean) {
    super();
    this.query = enabled && user_id ? store.query(user_id) : undefined;
  }

  /** Rebuilt only when the shared state changed, so React sees the same object until then. */
  readonly getSnapshot = (): UseConnectedAppsResult => {
    const state = this.query?.state ?? disabledState;
    if (state !== this.seenState || !this.result) {
      this.seenState = state;
      this.result = toResult(state, this.refetch);
    }
    return this.result;
  };

  readonly refetch = (): Promise<void> => this.query?.fetch() ?? Promise.resolve();

  protected override onFirstSubscriber(): void {
    if (!this.query) return;
    this.stopListening = this.query.subscribe(() => this.notify());
    void this.query.fetch();
  }

  protected override onLastUnsubscribe(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }
}

function toResult(state: ConnectedAppsQueryState, refetch: () => Promise<void>): UseConnectedAppsResult {
  const { status, data, error, isFetching } = state;
  const common = { isFetching, refetch };
  if (status === 'success' && data) {
    return {
      ...common,
      status,
      data,
      error: null,
      isPending: false,
      isLoading: false,
      isSuccess: true,
      isError: false,
    };
  }
  if (status === 'error' && error) {
    return {
      ...common,
      status,
      data,
      error,
      isPending: false,
      isLoading: false,
      isSuccess: false,
      isError: true,
    };
  }
  return {
    ...common,
    status: 'pending',
    data: undefined,
    error: null,
    isPending: true,
    isLoading: isFetching,
    isSuccess: false,
    isError: false,
  };
}
