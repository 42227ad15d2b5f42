import type { ConnectedAppsError } from '@connected-apps/core';
import type { MutationCallbacks, MutationResult } from '../types.ts';
import { runCallback } from './run-callback.ts';
import { Subscribable } from './subscribable.ts';

type MutationState<V, D> = Pick<MutationResult<V, D>, 'status' | 'data' | 'error' | 'variables'>;

interface MutationCall<V, D> {
  variables: V;
  callbacks: MutationCallbacks<V, D> | undefined;
  promise: Promise<D>;
}

/**
 * How one kind of mutation starts: through the store, which de-duplicates (the same promise back means
 * the same request), given the hook's latest options.
 */
export type StartMutation<V, D, O> = (variables: V, options: O) => Promise<D>;

const idle = { status: 'idle', data: undefined, error: null, variables: undefined } as const;

/**
 * The state of one mutation hook (`useRevokeConnectedApp()`, `useRevokeAllConnectedApps()`): its
 * latest call and the callbacks to run. Requests and their deduplication belong to the store alone;
 * this only follows the promises it hands out, so an unmounted component simply stops listening and
 * nothing is ever pushed into React after unmount.
 */
export class MutationObserver<V, D, O extends MutationCallbacks<V, D>> extends Subscribable {
  private readonly start: StartMutation<V, D, O>;
  private options: O;
  private state: MutationState<V, D> = idle;
  private current: MutationCall<V, D> | undefined;
  private result: MutationResult<V, D>;

  constructor(start: StartMutation<V, D, O>, options: O) {
    super();
    this.start = start;
    this.options = options;
    this.result = this.buildResult();
  }

  /** Takes the latest hook options; callbacks of calls already in flight then use them too. */
  setOptions(options: O): void {
    this.options = options;
  }

  /** The current result; the same object until the state changes (as `useSyncExternalStore` requires). */
  readonly getSnapshot = (): MutationResult<V, D> => this.result;

  readonly revokeAsync = (variables: V, callbacks?: MutationCallbacks<V, D>): Promise<D> => {
    const promise = this.start(variables, this.options);
    // That is the call this hook is following (a second click while pending): its state and callbacks
    // already stand, so nothing changes and nothing will run twice.
    if (promise === this.current?.promise) return promise;

    // A copy, so the caller's later edits to its object change nothing here.
    const call: MutationCall<V, D> = { variables: { ...variables }, callbacks, promise };
    this.current = call;
    this.setState({ status: 'pending', data: undefined, error: null, variables: call.variables });
    // Attached before the caller's own handlers, so state and callbacks are settled when its await resumes.
    promise.then(
      (data) => this.settle(call, data, null),
      (error: ConnectedAppsError) => this.settle(call, undefined, error),
    );
    return promise;
  };

  readonly revoke = (variables: V, callbacks?: MutationCallbacks<V, D>): void => {
    // Fire and forget: the error is in the state and the callbacks, never an unhandled rejection.
    this.revokeAsync(variables, callbacks).catch(() => {});
  };

  readonly reset = (): void => {
    this.current = undefined;
    this.setState(idle);
  };

  private settle(call: MutationCall<V, D>, data: D | undefined, error: ConnectedAppsError | null): void {
    // The hook's own callbacks describe the call itself, so they run even after unmount or reset.
    runCallbacks(this.options, call.variables, data, error);
    if (this.current !== call) return;
    // `data` is undefined on error and `error` null on success, as the result's union requires.
    this.setState({ status: error ? 'error' : 'success', data, error, variables: call.variables });
    // Per-call callbacks usually drive the UI, so they need someone still looking.
    if (this.hasListeners()) runCallbacks(call.callbacks, call.variables, data, error);
  }

  private setState(state: MutationState<V, D>): void {
    this.state = state;
    this.result = this.buildResult();
    this.notify();
  }

  private buildResult(): MutationResult<V, D> {
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
    } as MutationResult<V, D>;
  }
}

function runCallbacks<V, D>(
  callbacks: MutationCallbacks<V, D> | undefined,
  variables: V,
  data: D | undefined,
  error: ConnectedAppsError | null,
): void {
  if (!callbacks) return;
  if (error) runCallback(callbacks.onError, error, variables);
  else runCallback(callbacks.onSuccess, data as D, variables);
  runCallback(callbacks.onSettled, data, error, variables);
}
