import type { TransportRequest } from '../transport.ts';
import type { RequestOptions } from '../types.ts';
import { stytchPath } from '../wire/routes.ts';
import type { ClientConfig } from './client-config.ts';
import { checkTimeout } from './invalid-option.ts';
import type { Operation } from './operation.ts';

/** A call ready to send: the request (minus its per-attempt signal) and what it needs to run. */
export interface PreparedCall {
  path: string;
  request: Omit<TransportRequest, 'signal'>;
  /** Per-attempt timeout in ms. */
  timeout: number;
  secrets: readonly string[];
}

/**
 * Validates and percent-encodes the operation's path parameters (each `{name}` of its template) and
 * builds the request. Throws an `InvalidRequestError` before any I/O when something is wrong.
 */
export function prepareRequest(
  config: ClientConfig,
  { method, template, params, body }: Pick<Operation<unknown>, 'method' | 'template' | 'params' | 'body'>,
  options: RequestOptions,
  request_id: string,
): PreparedCall {
  const path = stytchPath(template, typeof params === 'object' && params !== null ? params : {}, request_id);
  const timeout = options.timeout === undefined ? config.timeout : checkTimeout('timeout', options.timeout);
  const { headers: callHeaders, secrets } = config.callCredentials();
  const headers: Record<string, string> = { accept: 'application/json', ...callHeaders };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const request: Omit<TransportRequest, 'signal'> = { method, url: `${config.baseUrl}${path}`, headers };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    request.body = body === undefined ? '{}' : JSON.stringify(body);
  }
  if (config.credentials) request.credentials = config.credentials;
  return { path, request, timeout, secrets };
}
