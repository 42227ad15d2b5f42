import { MatchersV3 } from '@pact-foundation/pact';
import { matching } from '../support/matchers.ts';

const { string } = MatchersV3;

/** The proxy's own request id (`X-Request-Id`), which its errors and revoke-all's envelope carry. */
export const proxyRequestId = () =>
  matching('^[A-Za-z0-9._:=-]{1,255}$', '3f1f0b8e-6d0c-4c7e-9b7a-2f4c1d9e8a10');

/**
 * Revoke-all's envelope (a proxy-only route): the proxy's request id, 200 or 207, and `outcomes`, the
 * matcher for its one outcome per app (`eachLike`, `arrayContaining`).
 * @example revokeAllBody(200, eachLike({ connected_app_id: id(APP), outcome: 'revoked' }))
 */
export function revokeAllBody(status: 200 | 207, outcomes: unknown) {
  return { request_id: proxyRequestId(), status_code: status, connected_apps: outcomes };
}

/**
 * An error the proxy itself answers: Stytch's envelope, the proxy's `error_type`, its own request id
 * (not Stytch's: the request never reached Stytch) and an `error_url` anchored at that type.
 */
export function proxyError(status: number, error_type: string) {
  return {
    status_code: status,
    request_id: proxyRequestId(),
    error_type,
    error_message: string('A sentence saying what went wrong.'),
    error_url: matching(
      `^https?://[^#\\s]+#${error_type}$`,
      `https://example.com/docs/errors.md#${error_type}`,
    ),
  };
}
