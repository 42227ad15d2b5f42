import type { StytchErrorBody } from '../wire/shapes.ts';

/** Marks our errors so checks still work across bundles and duplicated installs. */
const errorMarker = Symbol.for('connected-apps.error');

/** Where our own (client-side) error types are documented. */
export const CLIENT_ERRORS_URL = 'https://www.npmjs.com/package/@connected-apps/core#errors';

/**
 * The Stytch error shape every hop speaks, and what `toJSON()` yields.
 * @deprecated Use `StytchErrorBody` from `@connected-apps/core/wire` (the same type).
 */
export type StytchErrorFields = StytchErrorBody;

/** Everything needed to build a {@link ConnectedAppsError}. */
export interface ConnectedAppsErrorInit extends StytchErrorFields {
  /** Whether the retry policy retries this error (see `isRetryable`). */
  retryable: boolean;
  /** The underlying failure, already stripped of anything secret. */
  cause?: unknown;
}

/**
 * Base class of every error this package throws: Stytch-shaped fields plus `retryable`.
 * Errors that got no HTTP response have `status_code: 0` and a client-made `request_id` (`local-<uuid>`).
 *
 * @example
 * try {
 *   await client.users.revoke({ user_id, connected_app_id });
 * } catch (error) {
 *   if (isConnectedAppsError(error)) console.error(error.error_type, error.request_id);
 * }
 */
export class ConnectedAppsError extends Error {
  override readonly name: string = 'ConnectedAppsError';
  // `declare`d: the constructor sets them, so no bundle carries empty field definitions too.
  declare readonly status_code: number;
  declare readonly request_id: string;
  declare readonly error_type: string;
  declare readonly error_message: string;
  declare readonly error_url: string;
  /** Stytch's `error_details`, present only when the response carried them. */
  declare readonly error_details?: unknown;
  /**
   * Whether the client that threw this error retries it under its retry policy, budgets aside: the
   * client's own retry decision, so a caller retrying later agrees with it. With the default policy:
   * 429, 500, 502, 503, 504 and network errors; timeouts only with `retry.retryOnTimeout`.
   */
  declare readonly retryable: boolean;
  readonly [errorMarker] = true;

  constructor(init: ConnectedAppsErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.status_code = init.status_code;
    this.request_id = init.request_id;
    this.error_type = init.error_type;
    this.error_message = init.error_message;
    this.error_url = init.error_url;
    this.retryable = init.retryable;
    if (init.error_details !== undefined) this.error_details = init.error_details;
  }

  /** True for any error of this package, from any copy of it (compares a `Symbol.for` marker). */
  static isInstance(value: unknown): value is ConnectedAppsError {
    return typeof value === 'object' && value !== null && errorMarker in value;
  }

  /** Makes `instanceof` use `isInstance`, so it also holds across bundles. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: on purpose: `this` is the subclass, whose own isInstance decides.
    return this.isInstance(value);
  }

  /** The Stytch-shaped body: `{ status_code, request_id, error_type, error_message, error_url, error_details? }`. */
  toJSON(): StytchErrorFields {
    const { status_code, request_id, error_type, error_message, error_url, error_details } = this;
    const json: StytchErrorFields = { status_code, request_id, error_type, error_message, error_url };
    if (error_details !== undefined) json.error_details = error_details;
    return json;
  }
}

/** True when `value` is one of our errors with the given literal `name`. */
export function hasErrorName(value: unknown, name: string): boolean {
  return ConnectedAppsError.isInstance(value) && value.name === name;
}

/** Type guard for any error of this package. @example if (isConnectedAppsError(e)) log(e.request_id); */
export function isConnectedAppsError(value: unknown): value is ConnectedAppsError {
  return ConnectedAppsError.isInstance(value);
}

// `connected_app_not_found (404): Connected app not found. [request_id: request-id-test-…]`
function formatMessage({ error_type, status_code, error_message, request_id }: StytchErrorFields): string {
  const status = status_code === 0 ? '' : ` (${status_code})`;
  return `${error_type}${status}: ${error_message} [request_id: ${request_id}]`;
}
