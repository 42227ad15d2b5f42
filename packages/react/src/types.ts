import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from '@connected-apps/core';

/** What a revoke needs: the user and the app, exactly as `client.users.revoke()` takes them. */
export type RevokeVariables = UsersRevokeRequest;

/** Callbacks for one revoke. Their return values are ignored; an exception thrown in one is rethrown asynchronously. */
export interface RevokeCallbacks {
  /** Runs after the revoke succeeded (the app has already left every mounted list of that user). */
  onSuccess?: (data: UsersRevokeResponse, variables: RevokeVariables) => void;
  /** Runs after the revoke failed, with the typed, Stytch-shaped error. */
  onError?: (error: ConnectedAppsError, variables: RevokeVariables) => void;
  /** Runs after either, like `finally`. */
  onSettled?: (
    data: UsersRevokeResponse | undefined,
    error: ConnectedAppsError | null,
    variables: RevokeVariables,
  ) => void;
}

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

/** Functions every `useRevokeConnectedApp()` result carries; all of them are stable across renders. */
export interface RevokeActions {
  /**
   * Starts a revoke and never rejects: the outcome arrives in `status`/`error` and the callbacks.
   * The callbacks given here run only while the component is mounted and this is still its latest revoke.
   */
  revoke: (variables: RevokeVariables, callbacks?: RevokeCallbacks) => void;
  /** Starts a revoke and returns its promise, which rejects with a `ConnectedAppsError`. */
  revokeAsync: (variables: RevokeVariables, callbacks?: RevokeCallbacks) => Promise<UsersRevokeResponse>;
  /** Back to `idle`. A revoke still in flight completes, but no longer changes this result. */
  reset: () => void;
}

/** Where a revoke stands. */
export type RevokeStatus = 'idle' | 'pending' | 'success' | 'error';

export interface RevokeIdleResult extends RevokeActions {
  status: 'idle';
  isIdle: true;
  isPending: false;
  isSuccess: false;
  isError: false;
  data: undefined;
  error: null;
  variables: undefined;
}
export interface RevokePendingResult extends RevokeActions {
  status: 'pending';
  isIdle: false;
  isPending: true;
  isSuccess: false;
  isError: false;
  data: undefined;
  error: null;
  variables: RevokeVariables;
}
export interface RevokeSuccessResult extends RevokeActions {
  status: 'success';
  isIdle: false;
  isPending: false;
  isSuccess: true;
  isError: false;
  data: UsersRevokeResponse;
  error: null;
  variables: RevokeVariables;
}
export interface RevokeErrorResult extends RevokeActions {
  status: 'error';
  isIdle: false;
  isPending: false;
  isSuccess: false;
  isError: true;
  data: undefined;
  error: ConnectedAppsError;
  variables: RevokeVariables;
}

/** What `useRevokeConnectedApp()` returns: a union discriminated on `status`. */
export type UseRevokeConnectedAppResult =
  | RevokeIdleResult
  | RevokePendingResult
  | RevokeSuccessResult
  | RevokeErrorResult;

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

interface ConnectedAppsCommon {
  /** True while a request for this list is in flight (the first load or a refetch). */
  isFetching: boolean;
  /** Fetches the list again (joining a request already in flight). Never rejects: failures land in `error`. */
  refetch: () => Promise<void>;
}

export interface ConnectedAppsPendingResult extends ConnectedAppsCommon {
  status: 'pending';
  data: undefined;
  error: null;
  isPending: true;
  /** True while the first load is in flight (`false` when the hook is disabled). */
  isLoading: boolean;
  isSuccess: false;
  isError: false;
}
export interface ConnectedAppsSuccessResult extends ConnectedAppsCommon {
  status: 'success';
  data: ConnectedApp[];
  error: null;
  isPending: false;
  isLoading: false;
  isSuccess: true;
  isError: false;
}
export interface ConnectedAppsErrorResult extends ConnectedAppsCommon {
  status: 'error';
  /** The last list that loaded, if any: a failed refetch keeps showing it. */
  data: ConnectedApp[] | undefined;
  error: ConnectedAppsError;
  isPending: false;
  isLoading: false;
  isSuccess: false;
  isError: true;
}

/** What `useConnectedApps()` returns: a union discriminated on `status`. */
export type UseConnectedAppsResult =
  | ConnectedAppsPendingResult
  | ConnectedAppsSuccessResult
  | ConnectedAppsErrorResult;
