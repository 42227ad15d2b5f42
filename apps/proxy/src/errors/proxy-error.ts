import type { ProxyErrorType } from './error-catalog.ts';

/** What a {@link ProxyError} may add to the catalogue's answer. */
export interface ProxyErrorOptions {
  /** Why it happened, for the request log only (never sent to the caller). */
  cause?: unknown;
  /** Replaces the catalogue's `error_message` where a more precise sentence helps the caller. */
  message?: string;
  /** Extra response headers, e.g. `Allow` or `Retry-After`. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * How every refusal and failure of the proxy is said: a check throws it, and the one error exit
 * (`errors/error-exit.ts`) turns it into the Stytch-shaped answer and the log fields.
 *
 * @example
 * throw new ProxyError('session_invalid', { cause: joseError });
 * throw new ProxyError('method_not_allowed', { headers: { allow: 'POST' } });
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly type: ProxyErrorType;
  readonly publicMessage: string | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(type: ProxyErrorType, options: ProxyErrorOptions = {}) {
    super(type, options.cause === undefined ? undefined : { cause: options.cause });
    this.type = type;
    this.publicMessage = options.message;
    this.headers = options.headers;
  }
}
