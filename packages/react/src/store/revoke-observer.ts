import type { ConnectedAppsError, UsersRevokeResponse } from '@connected-apps/core';
import type {
  RevokeCallbacks,
  RevokeVariables,
  UseRevokeConnectedAppOptions,
  UseRevokeConnectedAppResult,
} from '../types.ts';
import type { ConnectedAppsStore } from './connected-apps-store.ts';
import { runCallback } from './run-callback.ts';
import { Subscribable } from './subscribable.ts';

type RevokeState = Pick<UseRevokeConnectedAppResult, 'status' | 'data' | 'error' | 'variables'>;

interface RevokeCall {
  variables: RevokeVariables;
  callbacks: RevokeCallbacks | undefined;
  promise: Promise<UsersRevokeResponse>;
}

const idle: RevokeState = { status: 'idle', data: undefined, error: null, variables: undefined };

/**
 * The state of one `useRevokeConnectedApp()`: its latest revoke and the callbacks to run. Requests and
 * their deduplication belong to the store alone; this only follows the promises it hands out, so an
 * unmounted component simply stops listening and nothing is ever pushed into React after unmount.
 */
export class RevokeObserver extends Subscribable {
  private readonly store: ConnectedAppsStore;
  private options: UseRevokeConnectedAppOptions;
  private state: RevokeState = idle;
  private current: RevokeCall | undefined;
  private result: UseRevokeConnectedAppResult;

  constructor(store: ConnectedAppsStore, options: UseRevokeConnectedAppOptions = {}) {
    super();
    this.store = store;
    this.options = options;
    this.result = this.buildResult();
  }

  /** Takes the latest options; callbacks of revokes already in flight then use them too. */
  setOptions(options: UseRevokeConnectedAppOptions): void {
    this.options = options;
  }

  /** The current result; the same object until the state changes (as `useSyncExternalStore` requires). */
  readonly getSnapshot = (): UseRevokeConnectedAppResult => this.result;

  readonly revokeAsync = (
    variables: RevokeVariables,
    callbacks?: RevokeCallbacks,
  ): Promise<UsersRevokeResponse> => {
    // The store joins a revoke of the same (user, app) already in flight, handing back its promise.
    const promise = this.store.revoke(variables, { optimistic: this.options.optimistic === true });
    // That is the revoke this hook is following (a second click while pending): its state and callbacks
    // already stand, so nothing changes and nothing will run twice.
    if (promise === this.current?.promise) return promise;

    const { user_id, connected_app_id } = variables;
    const call: RevokeCall = { variables: { user_id, connected_app_id }, callbacks, promise };
    this.current = call;
    this.setState({ status: 'pending', data: undefined, error: null, variables: call.variables });
    // Attached before the caller's own handlers, so state and callbacks are settled when its await resumes.
    promise.then(
      (data) => this.settle(call, data, null),
      (error: ConnectedAppsError) => this.settle(call, undefined, error),
    );
    return promise;
  };

  readonly revoke = (variables: RevokeVariables, callbacks?: RevokeCallbacks): void => {
    // Fire and forget: the error is in the state and the callbacks, never an unhandled rejection.
    this.revokeAsync(variables, callbacks).catch(() => {});
  };

  readonly reset = (): void => {
    this.current = undefined;
    this.setState(idle);
  };

  private settle(
    call: RevokeCall,
    data: UsersRevokeResponse | undefined,
    error: ConnectedAppsError | null,
  ): void {
    // The hook's own callbacks describe the revoke itself, so they run even after unmount or reset.
    runCallbacks(this.options, call.variables, data, error);
    if (this.current !== call) return;
    // `data` is undefined on error and `error` null on success, as the result's union requires.
    this.setState({ status: error ? 'error' : 'success', data, error, variables: call.variables });
    // Per-call callbacks usually drive the UI, so they need someone still looking.
    if (this.hasListeners()) runCallbacks(call.callbacks, call.variables, data, error);
  }

  private setState(state: RevokeState): void {
    this.state = state;
    this.result = this.buildResult();
    this.notify();
  }

  private buildResult(): UseRevokeConnectedAppResult {
    const { status } = this.state;
    return {
      ...this.state,
      isIdle: status === 'idle',
      isPending: status === 'pending',
      isSuccess: status === 'success',
      isError: status === 'error',
      revoke: this.revoke,
      revokeAsync: this.revokeAsync,
      reset: this.reset,
    } as UseRevokeConnectedAppResult;
  }
}

function runCallbacks(
  callbacks: RevokeCallbacks | undefined,
  variables: RevokeVariables,
  data: UsersRevokeResponse | undefined,
  error: ConnectedAppsError | null,
): void {
  if (!callbacks) return;
  if (error) runCallback(callbacks.onError, error, variables);
  else runCallback(callbacks.onSuccess, data as UsersRevokeResponse, variables);
  runCallback(callbacks.onSettled, data, error, variables);
}
