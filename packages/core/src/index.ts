/**
 * `@connected-apps/core`: the Stytch client (servers) and the proxy client (browsers), consumer and
 * B2B, their errors, retry policy, hooks and the default fetch transport; and, re-exported, all of
 * `./wire`.
 */
export type {
  B2BProxyClient,
  B2BRequestOptions,
  ConnectedAppsB2BClient,
  StytchB2BClient,
} from './client/b2b-types.ts';
export { createB2BProxyClient } from './client/create-b2b-proxy-client.ts';
export { createProxyClient, type ProxyClientOptions } from './client/create-proxy-client.ts';
export { createRevocationHistoryClient } from './client/create-revocation-history-client.ts';
export { createStytchB2BClient } from './client/create-stytch-b2b-client.ts';
export { createStytchClient, type StytchClientOptions } from './client/create-stytch-client.ts';
export type { AfterResponseInfo, ErrorInfo, HookInfo, Hooks, RetryInfo } from './client/hooks.ts';
export { type CommonClientOptions, DEFAULT_TIMEOUT_MS } from './client/options.ts';
export { localRequestId } from './client/request-id.ts';
export {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  RETRYABLE_STATUS_CODES,
  type RetryOptions,
  type RetryPolicy,
  type RetryRule,
} from './client/retry-policy.ts';
export type {
  ConnectedAppsClient,
  ProxyClient,
  RequestOptions,
  RevocationHistoryClient,
  StytchClient,
} from './client/types.ts';
export { AbortError, isAbortError } from './errors/abort-error.ts';
export {
  ConnectedAppsError,
  type ConnectedAppsErrorInit,
  isConnectedAppsError,
  type StytchErrorFields,
} from './errors/connected-apps-error.ts';
export { InvalidRequestError, isInvalidRequestError } from './errors/invalid-request-error.ts';
export {
  type InvalidResponseDetails,
  InvalidResponseError,
  isInvalidResponseError,
} from './errors/invalid-response-error.ts';
export { isNetworkError, NetworkError } from './errors/network-error.ts';
export { isStytchApiError, StytchApiError } from './errors/stytch-api-error.ts';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.ts';
export { createFetchTransport, type FetchTransportOptions } from './transports/fetch.ts';
export type { Transport, TransportRequest, TransportResponse } from './transports/transport.ts';
export * from './wire/index.ts';
