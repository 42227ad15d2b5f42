import type { ProxyErrorType } from './error-catalog.ts';

/**
 * Thrown anywhere below the app to end the request with one of the proxy's own errors; the app's
 * `onError` turns it into the Stytch-shaped response. `cause` is for logs only, never for the caller.
 *
 * @example
 * throw new ProxyFailure('session_invalid', { cause: joseError });
 */
export class ProxyFailure extends Error {
  override readonly name = 'ProxyFailure';
  readonly type: ProxyErrorType;

  constructor(type: ProxyErrorType, options?: { cause?: unknown }) {
    super(type, options);
    this.type = type;
  }
}
