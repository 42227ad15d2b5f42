export { createProxyClient, type ProxyClientOptions } from './create-proxy-client.ts';
export { createStytchClient, type StytchClientOptions } from './create-stytch-client.ts';
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
export { isStytchApiError, RETRYABLE_STATUS_CODES, StytchApiError } from './errors/stytch-api-error.ts';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.ts';
export type { AfterResponseInfo, ErrorInfo, HookInfo, Hooks, RetryInfo } from './hooks.ts';
export { type CommonClientOptions, DEFAULT_TIMEOUT_MS } from './internal/common-options.ts';
export { DEFAULT_RETRY_POLICY } from './internal/retry-policy.ts';
export type { RetryOptions } from './retry-options.ts';
export type { Transport, TransportRequest, TransportResponse } from './transport.ts';
export { createFetchTransport, type FetchTransportOptions } from './transports/fetch-transport.ts';
export type { ConnectedAppsClient, RequestOptions, StytchClient } from './types.ts';
export * from './wire/index.ts';
