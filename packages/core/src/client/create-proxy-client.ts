import { proxyOperations } from './operations.ts';
import {
  type ClientConfig,
  type CommonClientOptions,
  invalidOption,
  lowerCaseHeaders,
  resolveCommonOptions,
  trimBaseUrl,
} from './options.ts';
import type { ProxyClient } from './types.ts';

/** Options of {@link createProxyClient}. */
export interface ProxyClientOptions extends CommonClientOptions {
  /** Where the proxy serves Stytch's paths: relative to the page (`'/api'`) or absolute. */
  baseUrl: string;
  /**
   * The caller's Stytch session JWT, sent as `Authorization: Bearer …`; a function is read on every
   * call (so a refreshed session is picked up). Omit it when the session travels in a cookie.
   */
  sessionJwt?: string | (() => string | undefined | null);
  /** Extra headers on every call, e.g. a CSRF header. */
  headers?: Record<string, string>;
  /**
   * Fetch credentials mode: sends the session cookie, also to a proxy on another origin.
   * @default 'include'
   */
  credentials?: RequestCredentials;
}

/** The config of a client that calls the proxy: the consumer and the B2B one. */
export function proxyClientConfig(options: ProxyClientOptions): ClientConfig {
  if (typeof options.baseUrl !== 'string') invalidOption('baseUrl', 'a URL string (relative or absolute)');
  const { sessionJwt } = options;
  const headers = lowerCaseHeaders(options.headers);
  return {
    ...resolveCommonOptions(options),
    baseUrl: trimBaseUrl(options.baseUrl),
    credentials: options.credentials ?? 'include',
    callCredentials: () => {
      const jwt = typeof sessionJwt === 'function' ? sessionJwt() : sessionJwt;
      if (!jwt) return { headers, secrets: [] };
      return { headers: { ...headers, authorization: `Bearer ${jwt}` }, secrets: [jwt] };
    },
  };
}

/**
 * A client for the browser (or any caller without the Stytch secret) that talks to the backend
 * proxy, which speaks Stytch's paths and shapes. Same operations and errors as the Stytch client, plus
 * the proxy's own `users.revokeAll`.
 *
 * @example
 * const client = createProxyClient({ baseUrl: '/api', headers: { 'x-csrf-token': token } });
 * const { connected_apps } = await client.users.connectedApps({ user_id });
 */
export function createProxyClient(options: ProxyClientOptions): ProxyClient {
  return proxyOperations(proxyClientConfig(options));
}
