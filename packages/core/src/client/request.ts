import { AbortError } from '../errors/abort-error.ts';
import { type ConnectedAppsError, isConnectedAppsError } from '../errors/connected-apps-error.ts';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { isStytchApiError, StytchApiError } from '../errors/stytch-api-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import type { TransportResponse } from '../transports/transport.ts';
import { stytchPath } from '../wire/routes.ts';
import { isRecord } from '../wire/shape-guards.ts';
import type { Call, CallIdentity, Operation } from './call.ts';
import { callHook, type HookInfo } from './hooks.ts';
import { normalizeErrorBody } from './normalize-error-body.ts';
import { type ClientConfig, checkTimeout } from './options.ts';
import { parseRetryAfter } from './parse-retry-after.ts';
import { redact, redactJson } from './redact.ts';
import { localRequestId } from './request-id.ts';
import { retryDelay } from './retry-policy.ts';
import { describeCause, sanitizeCause } from './sanitize-cause.ts';
import { sleep } from './sleep.ts';
import type { RequestOptions } from './types.ts';

const SNIPPET_LENGTH = 200;

/**
 * Runs one call: prepares it (nothing is sent unless the request is valid), then sends attempts,
 * each reported to the hooks, until one succeeds, the error is not retryable, or the attempt or
 * time budget is spent. Settles with the data or a typed `ConnectedAppsError`, whatever happens.
 */
export async function request<T extends { request_id: string }>(
  config: ClientConfig,
  operation: Operation<T>,
  options: RequestOptions = {},
): Promise<T> {
  const call = prepare(config, operation, options);
  const { retry, hooks } = config;
  for (let attempt = 1; ; attempt++) {
    if (call.signal?.aborted) throw fail(call, attempt, abortError(call));
    if (hooks.beforeRequest) callHook(hooks.beforeRequest, hookInfo(call, attempt));
    const sentAt = performance.now();
    const response = await send(call);
    const result = isConnectedAppsError(response) ? response : read(call, response);
    if (hooks.afterResponse && !isConnectedAppsError(response)) {
      const request_id = result.request_id === call.call_id ? undefined : result.request_id;
      const { status } = response;
      const durationMs = performance.now() - sentAt;
      callHook(hooks.afterResponse, { ...hookInfo(call, attempt), status, request_id, durationMs });
    }
    if (!isConnectedAppsError(result)) return result;

    // `retryable` is the policy's decision for this error; the budgets decide the rest.
    const retryAfter = isStytchApiError(result) ? result.retryAfter : undefined;
    const delayMs =
      result.retryable && attempt <= retry.limit ? retryDelay(retry, attempt, retryAfter) : undefined;
    if (delayMs === undefined || performance.now() + delayMs >= call.deadline)
      throw fail(call, attempt, result);
    if (hooks.onRetry) {
      const { status_code: status, request_id } = result;
      callHook(hooks.onRetry, { ...hookInfo(call, attempt + 1), error: result, status, request_id, delayMs });
    }
    if (await sleep(delayMs, call.signal)) throw fail(call, attempt, abortError(call));
  }
}

/** Validates the path parameters and the per-call timeout, and builds the request: no I/O. */
function prepare<T>(config: ClientConfig, operation: Operation<T>, options: RequestOptions): Call<T> {
  const { method, template, params, body } = operation;
  const { signal } = options;
  const call_id = localRequestId();
  try {
    const path = stytchPath(template, isRecord(params) ? params : {}, call_id);
    const timeout = options.timeout === undefined ? config.timeout : checkTimeout('timeout', options.timeout);
    const { headers: credentialHeaders, secrets } = config.callCredentials();
    const headers: Record<string, string> = { accept: 'application/json', ...credentialHeaders };
    if (options.headers) {
      for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
    }
    const request: Call<T>['request'] = {
      method,
      url: `${config.baseUrl}${path}${operation.query ?? ''}`,
      headers,
    };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      request.body = JSON.stringify(body ?? {});
    }
    if (config.credentials) request.credentials = config.credentials;
    const deadline = performance.now() + config.retry.totalTimeout;
    return { config, operation, path, call_id, request, timeout, deadline, signal, secrets };
  } catch (error) {
    // Attempt 0: nothing was sent; the hook is told the template, as no path was built.
    if (isConnectedAppsError(error)) fail({ config, operation, path: template, call_id }, 0, error);
    throw error;
  }
}

/**
 * Hands the request to the transport with one AbortController, fired by the per-attempt timer
 * (capped by what is left of the total budget) or by the caller's signal. The attempt settles with
 * whichever comes first, so it ends on time even with a transport that ignores the signal.
 */
function send(call: Call<unknown>): Promise<TransportResponse | ConnectedAppsError> {
  const { signal } = call;
  const timeoutMs = Math.min(call.timeout, Math.max(0, call.deadline - performance.now()));
  return new Promise((settle) => {
    let settled = false;
    const controller = new AbortController();
    const finish = (outcome: TransportResponse | ConnectedAppsError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle(outcome);
    };
    // Settled first, so the transport's rejection on abort is not taken for a network error.
    const stop = (error: ConnectedAppsError) => {
      finish(error);
      controller.abort();
    };
    const onAbort = () => stop(abortError(call));
    const timer = setTimeout(() => stop(timeoutError(call, timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      call.config.transport
        .send({ ...call.request, signal: controller.signal })
        .then(finish, (error: unknown) => settled || finish(networkError(call, error)));
    } catch (error) {
      finish(networkError(call, error)); // a transport that throws instead of rejecting
    }
  });
}

/**
 * A response as the operation's data, or as the typed error it stands for: 2xx with the expected
 * shape → data; an error status with a Stytch or OAuth2 body → `StytchApiError`; anything else
 * (not JSON, the wrong shape, a gateway's HTML page) → `InvalidResponseError`.
 */
function read<T>(call: Call<T>, response: TransportResponse): T | ConnectedAppsError {
  const { status, headers, body } = response;
  const json = parseJson(body);
  const ok = status >= 200 && status < 300;
  if (ok && call.operation.isExpected(json)) return json;
  const retryPolicy = call.config.retry;
  const fields = ok ? undefined : normalizeErrorBody(json, status, call.call_id);
  if (fields) {
    const retryAfter = parseRetryAfter(headers['retry-after']);
    return new StytchApiError({ ...redactJson(fields, call.secrets), retryAfter, retryPolicy });
  }
  const content_type = headers['content-type'] ?? null;
  const problem =
    json === undefined
      ? 'is not JSON'
      : ok
        ? 'does not have the expected shape'
        : 'is not a Stytch or OAuth2 error';
  return new InvalidResponseError({
    status_code: status,
    request_id: isRecord(json) && typeof json.request_id === 'string' ? json.request_id : call.call_id,
    error_message: `The response (HTTP ${status}, ${content_type ?? 'no content type'}) ${problem}.`,
    error_details: { content_type, body_snippet: redact(body, call.secrets).slice(0, SNIPPET_LENGTH) },
    retryPolicy,
  });
}

function abortError(call: Call<unknown>): AbortError {
  return new AbortError({
    request_id: call.call_id,
    cause: sanitizeCause(call.signal?.reason, call.secrets),
  });
}

function timeoutError(call: Call<unknown>, timeoutMs: number): TimeoutError {
  const { call_id: request_id, config } = call;
  const error_message =
    timeoutMs < call.timeout
      ? `The call and its retries did not complete within retry.totalTimeout (${config.retry.totalTimeout} ms).`
      : `No response within ${call.timeout} ms.`;
  return new TimeoutError({ request_id, error_message, retryPolicy: config.retry });
}

function networkError(call: Call<unknown>, error: unknown): NetworkError {
  const cause = sanitizeCause(error, call.secrets);
  const detail = describeCause(cause);
  const error_message = `No response from the server${detail ? ` (${detail})` : ''}.`;
  return new NetworkError({ request_id: call.call_id, error_message, cause, retryPolicy: call.config.retry });
}

/** Reports the error the call rejects with to `onError` (once per call) and returns it. */
function fail(call: CallIdentity, attempt: number, error: ConnectedAppsError): ConnectedAppsError {
  const { onError } = call.config.hooks;
  if (onError) {
    const { status_code: status, request_id } = error;
    callHook(onError, { ...hookInfo(call, attempt), error, status, request_id });
  }
  return error;
}

function hookInfo(call: CallIdentity, attempt: number): HookInfo {
  return { method: call.operation.method, path: call.path, attempt, call_id: call.call_id };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
