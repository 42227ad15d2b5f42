import type { QueryResult } from '../types.ts';
import type { Query, QueryState } from './query.ts';
import { Subscribable } from './subscribable.ts';

const disabledState: QueryState<never> = {
  status: 'pending',
  data: undefined,
  error: null,
  isFetching: false,
};

/**
 * One list hook (`useConnectedApps()`, the B2B lists) looking at one shared query, or at none while it
 * waits for its ids or is disabled. Made anew when the query changes, so a change of user is simply a
 * new observer. Subscribing loads the data (joining a request in flight, which is what keeps
 * StrictMode's subscribe–unsubscribe–subscribe to a single request).
 */
export class QueryObserver<T> extends Subscribable {
  private readonly query: Query<T> | undefined;
  private stopListening: (() => void) | undefined;
  private seenState: QueryState<T> | undefined;
  private result: QueryResult<T> | undefined;

  constructor(query: Query<T> | undefined) {
    super();
    this.query = query;
  }

  /** Rebuilt only when the shared state changed, so React sees the same object until then. */
  readonly getSnapshot = (): QueryResult<T> => {
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

function toResult<T>(state: QueryState<T>, refetch: () => Promise<void>): QueryResult<T> {
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
