import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  ProxyClient,
  UsersRevokeAllRequest,
  UsersRevokeAllResponse,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from '@connected-apps/core';

/** What a revoke needs: the user and the app, exactly as `client.users.revoke()` takes them. */
export type RevokeVariables = UsersRevokeRequest;

/** What a revoke-all needs: the user, exactly as `client.users.revokeAll()` takes it. */
export type RevokeAllVariables = UsersRevokeAllRequest;

/**
 * Callbacks for one call of a mutation hook. Their return values are ignored; an exception thrown in
 * one is rethrown asynchronously.
 */
export interface MutationCallbacks<V, D> {
  /** Runs after the call succeeded (the mounted lists of that user are already updated). */
  onSuccess?: (data: D, variables: V) => void;
  /** Runs after the call failed, with the typed, Stytch-shaped error. */
  onError?: (error: ConnectedAppsError, variables: V) => void;
  /** Runs after either, like `finally`. */
  onSettled?: (data: D | undefined, error: ConnectedAppsError | null, variables: V) => void;
}

/** Callbacks for one revoke. */
export type RevokeCallbacks = MutationCallbacks<RevokeVariables, UsersRevokeResponse>;

/**
 * Callbacks for one revoke-all. `onSuccess` runs for every envelope, 200 and 207 alike: read
 * `data.connected_apps` for the apps that failed.
 */
export type RevokeAllCallbacks = MutationCallbacks<RevokeAllVariables, UsersRevokeAllResponse>;

/** Options of `useRevokeConnectedApp()`. */
export interface UseRevokeConnectedAppOptions extends RevokeCallbacks {
  /**
   * The client to use instead of the one from `<ConnectedAppsProvider>`.
   * @default the provider's client
   */
  client?: ConnectedAppsClient;
  /**
   * Remove the app from every mounted list of that user as soon as the revoke starts, and put it
   * back if the revoke fails. Otherwise it leaves the lists when the revoke succeeds.
   * @default false
   */
  optimistic?: boolean;
}

/** Options of `useRevokeAllConnectedApps()`. */
export interface UseRevokeAllConnectedAppsOptions extends RevokeAllCallbacks {
  /**
   * The client to use instead of the one from `<ConnectedAppsProvider>`: `createProxyClient`'s, which
   * has `users.revokeAll` (a client without it fails every call with a typed error).
   * @default the provider's client
   */
  client?: ConnectedAppsClient | ProxyClient;
}

/** Functions every mutation hook result carries; all of them are stable across renders. */
export interface MutationActions<V, D> {
  /**
   * Starts the call and never rejects: the outcome arrives in `status`/`error` and the callbacks.
   * The callbacks given here run only while the component is mounted and this is still its latest call.
   */
  revoke: (variables: V, callbacks?: MutationCallbacks<V, D>) => void;
  /** Starts the call and returns its promise, which rejects with a `ConnectedAppsError`. */
  revokeAsync: (variables: V, callbacks?: MutationCallbacks<V, D>) => Promise<D>;
  /** Back to `idle`. A call still in flight completes, but no longer changes this result. */
  reset: () => void;
}

/** Functions every `useRevokeConnectedApp()` result carries. */
export type RevokeActions = MutationActions<RevokeVariables, UsersRevokeResponse>;

/** Where a revoke (or revoke-all) stands. */
export type RevokeStatus = 'idle' | 'pending' | 'success' | 'error';

export interface MutationIdleResult<V, D> extends MutationActions<V, D> {
  status: 'idle';
  isIdle: true;
  isPending: false;
  isSuccess: false;
  isError: false;
  data: undefined;
  error: null;
  variables: undefined;
}
export interface MutationPendingResult<V, D> extends MutationActions<V, D> {
  status: 'pending';
  isIdle: false;
  isPending: true;
  isSuccess: false;
  isError: false;
  data: undefined;
  error: null;
  variables: V;
}
export interface MutationSuccessResult<V, D> extends MutationActions<V, D> {
  status: 'success';
  isIdle: false;
  isPending: false;
  isSuccess: true;
  isError: false;
  data: D;
  error: null;
  variables: V;
}
export interface MutationErrorResult<V, D> extends MutationActions<V, D> {
  status: 'error';
  isIdle: false;
  isPending: false;
  isSuccess: false;
  isError: true;
  data: undefined;
  error: ConnectedAppsError;
  variables: V;
}

/** What a mutation hook returns: a union discriminated on `status`. */
export type MutationResult<V, D> =
  | MutationIdleResult<V, D>
  | MutationPendingResult<V, D>
  | MutationSuccessResult<V, D>
  | MutationErrorResult<V, D>;

export type RevokeIdleResult = MutationIdleResult<RevokeVariables, UsersRevokeResponse>;
export type RevokePendingResult = MutationPendingResult<RevokeVariables, UsersRevokeResponse>;
export type RevokeSuccessResult = MutationSuccessResult<RevokeVariables, UsersRevokeResponse>;
export type RevokeErrorResult = MutationErrorResult<RevokeVariables, UsersRevokeResponse>;

/** What `useRevokeConnectedApp()` returns: a union discriminated on `status`. */
export type UseRevokeConnectedAppResult = MutationResult<RevokeVariables, UsersRevokeResponse>;

/**
 * What `useRevokeAllConnectedApps()` returns: a union discriminated on `status`. `success` holds the
 * envelope, whether every app was revoked (`data.status_code` 200) or some failed (207).
 */
export type UseRevokeAllConnectedAppsResult = MutationResult<RevokeAllVariables, UsersRevokeAllResponse>;

/** Options of `useConnectedApps()`. */
export interface UseConnectedAppsOptions {
  /**
   * The client to use instead of the one from `<ConnectedAppsProvider>`.
   * @default the provider's client
   */
  client?: ConnectedAppsClient;
  /**
   * Set to `false` to hold the request (for example until the user id is known).
   * @default true
   */
  enabled?: boolean;
}

/** Where a list stands. */
export type ConnectedAppsStatus = 'pending' | 'success' | 'error';

interface QueryCommon {
  /** True while a request for this list is in flight (the first load or a refetch). */
  isFetching: boolean;
  /** Fetches the list again (joining a request already in flight). Never rejects: failures land in `error`. */
  refetch: () => Promise<void>;
}

export interface QueryPendingResult extends QueryCommon {
  status: 'pending';
  data: undefined;
  error: null;
  isPending: true;
  /** True while the first load is in flight (`false` when the hook is disabled). */
  isLoading: boolean;
  isSuccess: false;
  isError: false;
}
export interface QuerySuccessResult<T> extends QueryCommon {
  status: 'success';
  data: T;
  error: null;
  isPending: false;
  isLoading: false;
  isSuccess: true;
  isError: false;
}
export interface QueryErrorResult<T> extends QueryCommon {
  status: 'error';
  /** The last data that loaded, if any: a failed refetch keeps showing it. */
  data: T | undefined;
  error: ConnectedAppsError;
  isPending: false;
  isLoading: false;
  isSuccess: false;
  isError: true;
}

/** What a list hook returns for data `T`: a union discriminated on `status`. */
export type QueryResult<T> = QueryPendingResult | QuerySuccessResult<T> | QueryErrorResult<T>;

export type ConnectedAppsPendingResult = QueryPendingResult;
export type ConnectedAppsSuccessResult = QuerySuccessResult<ConnectedApp[]>;
export type ConnectedAppsErrorResult = QueryErrorResult<ConnectedApp[]>;

/** What `useConnectedApps()` returns: a union discriminated on `status`. */
export type UseConnectedAppsResult = QueryResult<ConnectedApp[]>;
