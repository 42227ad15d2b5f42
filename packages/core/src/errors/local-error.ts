import { DEFAULT_RETRY_POLICY, isRetryable, type RetryRule } from '../client/retry-policy.ts';
import {
  CLIENT_ERRORS_URL,
  ConnectedAppsError,
  type ConnectedAppsErrorInit,
} from './connected-apps-error.ts';

/** What a {@link LocalError} subclass passes up. */
export interface LocalErrorInit
  extends Omit<ConnectedAppsErrorInit, 'status_code' | 'error_url' | 'retryable'> {
  /** The policy whose decision `retryable` carries. @default DEFAULT_RETRY_POLICY */
  retryPolicy?: RetryRule | undefined;
}

/**
 * Base of the errors raised on this side with no HTTP response behind them (aborted, timed out, no
 * connection, refused before sending): `status_code` 0, a client-made `request_id`
 * (`local-<uuid>`), this package's own `error_url`, and `retryable` as `retryPolicy` decides.
 */
export abstract class LocalError extends ConnectedAppsError {
  /** `name` is the subclass's, which its own field only sets after this constructor has run. */
  constructor(name: string, { retryPolicy = DEFAULT_RETRY_POLICY, ...init }: LocalErrorInit) {
    const retryable = isRetryable(retryPolicy, { name, status_code: 0 });
    super({ ...init, status_code: 0, error_url: CLIENT_ERRORS_URL, retryable });
  }
}
