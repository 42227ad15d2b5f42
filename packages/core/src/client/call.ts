import type { TransportRequest } from '../transports/transport.ts';
import type { StytchRoute } from '../wire/route.ts';
import type { ClientConfig } from './options.ts';

/** One Stytch operation: its route, its path parameters and body, and how to recognize its success. */
export interface Operation<T> extends StytchRoute {
  /** A value for each `{name}` of the template. */
  params: unknown;
  /** The JSON body of a POST. @default {} */
  body?: unknown;
  /** The query string of a GET, `?` included, already encoded. @default '' */
  query?: string;
  isExpected: (json: unknown) => json is T;
}

/** One call, as every step of `request` reads it: built once by `prepare`, before any I/O. */
export interface Call<T> {
  config: ClientConfig;
  operation: Operation<T>;
  /** The wire path after the base URL, percent-encoded. */
  path: string;
  /** This call's `local-<uuid>`: in every hook, and the `request_id` of errors without a response. */
  call_id: string;
  /** The request without its per-attempt signal. */
  request: Omit<TransportRequest, 'signal'>;
  /** Per-attempt timeout, in ms. */
  timeout: number;
  /** `performance.now()` at which `retry.totalTimeout` runs out. */
  deadline: number;
  signal: AbortSignal | undefined;
  /** Values redacted from every error. */
  secrets: readonly string[];
}

/** What hooks are told about a call, known even when `prepare` fails. */
export type CallIdentity = Pick<Call<unknown>, 'config' | 'operation' | 'path' | 'call_id'>;
