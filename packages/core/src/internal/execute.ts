import { AbortError } from '../errors/abort-error.ts';
import { ConnectedAppsError } from '../errors/connected-apps-error.ts';
import type { HookInfo } from '../hooks.ts';
import type { RequestOptions } from '../types.ts';
import { callHook } from './call-hook.ts';
import type { ClientConfig } from './client-config.ts';
import type { Operation } from './operation.ts';
import { type PreparedCall, prepareRequest } from './prepare-request.ts';
import { readResponse } from './read-response.ts';
import { localRequestId } from './request-id.ts';
import { isRetryable, retryDelay } from './retry-policy.ts';
import { sanitizeCause } from './sanitize-cause.ts';
import { sendAttempt } from './send-attempt.ts';
import { sleep } from './sleep.ts';

/**
 * Runs one call: prepares the request (validation before any I/O), then sends attempts until one
 * succeeds, the failure is not retryable, or the attempt or time budget is spent. Settles with the
 * data or a typed `ConnectedAppsError`, whatever happens underneath.
 */
export async function execute<T extends { request_id: string }>(
  config: ClientConfig,
  operation: Operation<T>,
  options: RequestOptions = {},
): Promise<T> {
  const request_id = localRequestId();
  let call: PreparedCall;
  try {
    call = prepareRequest(config, operation, options, request_id);
  } catch (error) {
    if (ConnectedAppsError.isInstance(error))
      report(
        config,
        { method: operation.method, path: operation.template, attempt: 0, call_id: request_id },
        error,
      );
    throw error;
  }
  return run(config, operation, call, options.signal, request_id);
}

async function run<T extends { request_id: string }>(
  config: ClientConfig,
  operation: Operation<T>,
  call: PreparedCall,
  signal: AbortSignal | undefined,
  request_id: string,
): Promise<T> {
  const { retry, hooks, transport } = config;
  const { method } = operation;
  const { path, request, timeout, secrets } = call;
  const deadline = performance.now() + retry.totalTimeout;
  for (let attempt = 1; ; attempt++) {
    const info: HookInfo = { method, path, attempt, call_id: request_id };
    const fail = (error: ConnectedAppsError): never => report(config, info, error);
    const aborted = () => new AbortError({ request_id, cause: sanitizeCause(signal?.reason, secrets) });
    if (signal?.aborted) return fail(aborted());

    const timeoutMs = Math.min(timeout, Math.max(0, deadline - performance.now()));
    const timeoutMessage =
      timeoutMs < timeout
        ? `The call and its retries did not complete within retry.totalTimeout (${retry.totalTimeout} ms).`
        : `No response within ${timeout} ms.`;
    callHook(hooks.beforeRequest, info);
    const sentAt = performance.now();
    const outcome = await sendAttempt(transport, request, {
      timeoutMs,
      timeoutMessage,
      signal,
      request_id,
      secrets,
    });

    const result =
      'response' in outcome
        ? readResponse(outcome.response, operation.isExpected, { request_id, secrets })
        : outcome;
    if ('response' in outcome) {
      const seen = 'data' in result ? result.data.request_id : result.error.request_id;
      callHook(hooks.afterResponse, {
        ...info,
        status: outcome.response.status,
        request_id: seen === request_id ? undefined : seen,
        durationMs: performance.now() - sentAt,
      });
    }
    if ('data' in result) return result.data;

    const { error } = result;
    const delayMs =
      attempt <= retry.limit && isRetryable(retry, error) ? retryDelay(retry, attempt, error) : undefined;
    if (delayMs === undefined || performance.now() + delayMs >= deadline) return fail(error);
    callHook(hooks.onRetry, {
      ...info,
      attempt: attempt + 1,
      error,
      status: error.status_code,
      request_id: error.request_id,
      delayMs,
    });
    if (await sleep(delayMs, signal)) return fail(aborted());
  }
}

function report(config: ClientConfig, info: HookInfo, error: ConnectedAppsError): never {
  callHook(config.hooks.onError, { ...info, error, status: error.status_code, request_id: error.request_id });
  throw error;
}
