import type { Hooks } from '../hooks.ts';
import type { Transport } from '../transport.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** Headers for one call and the values in them that must never reach an error or a log. */
export interface CallCredentials {
  headers: Record<string, string>;
  secrets: string[];
}

/** What both constructors reduce their options to: one implementation serves both clients. */
export interface ClientConfig {
  /** Without a trailing slash; may be relative in a browser (`/api`). */
  baseUrl: string;
  transport: Transport;
  /** Per-attempt timeout, in ms. */
  timeout: number;
  retry: RetryPolicy;
  hooks: Hooks;
  credentials?: RequestCredentials;
  /** Called once per call, so a session JWT getter is read fresh each time. */
  callCredentials: () => CallCredentials;
}
