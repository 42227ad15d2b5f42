import type { ConnectedAppsError } from '../errors/connected-apps-error.ts';

/** What every hook receives: never a header, a secret or a token. */
export interface HookInfo {
  method: 'GET' | 'POST';
  /** The request path after the base URL, percent-encoded (e.g. `/v1/users/user-test-…/connected_apps`). */
  path: string;
  /** 1 for the first attempt, 2 for the first retry, …; 0 when the call failed before any attempt. */
  attempt: number;
  /**
   * This call's own id (`local-<uuid>`): the same in every hook of the call and across its retries,
   * so `beforeRequest` can be matched with what follows; it is the `request_id` of an error that
   * got no response.
   */
  call_id: string;
}

/** `afterResponse`: an HTTP response arrived (any status). */
export interface AfterResponseInfo extends HookInfo {
  status: number;
  /** The response's `request_id` (Stytch's), when the body carried one. */
  request_id: string | undefined;
  /** Time from sending to the whole body read, in ms. */
  durationMs: number;
}

/** `onRetry`: the attempt `attempt - 1` failed and attempt `attempt` starts after `delayMs`. */
export interface RetryInfo extends HookInfo {
  error: ConnectedAppsError;
  status: number;
  request_id: string;
  delayMs: number;
}

/** `onError`: the call failed for good with `error` (once per call, after any retries). */
export interface ErrorInfo extends HookInfo {
  error: ConnectedAppsError;
  status: number;
  request_id: string;
}

/**
 * Observability callbacks. They cannot change the request, and an error thrown (or rejected) by a
 * hook is ignored, so logging can never break a revoke.
 *
 * @example
 * createStytchClient({ project_id, secret, hooks: {
 *   afterResponse: (i) => log.info({ path: i.path, status: i.status, request_id: i.request_id }),
 *   onRetry: (i) => log.warn({ attempt: i.attempt, delayMs: i.delayMs, error_type: i.error.error_type }),
 * } });
 */
export interface Hooks {
  /** Before each attempt is sent. */
  beforeRequest?: (info: HookInfo) => void | Promise<void>;
  /** After each HTTP response, whatever its status. */
  afterResponse?: (info: AfterResponseInfo) => void | Promise<void>;
  /** Before each retry wait. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** Once, with the error the call rejects with. */
  onError?: (info: ErrorInfo) => void | Promise<void>;
}

/**
 * Calls an observability hook without letting it interfere: it is not awaited, and whatever it throws
 * or rejects with is dropped, so a broken logger can never fail or delay a revoke.
 */
export function callHook<I>(hook: ((info: I) => void | Promise<void>) | undefined, info: I): void {
  if (!hook) return;
  try {
    const result = hook(info);
    if (result && typeof result.then === 'function') result.then(undefined, () => undefined);
  } catch {
    // Deliberately ignored: see above.
  }
}
