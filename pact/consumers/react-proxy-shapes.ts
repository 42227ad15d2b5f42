import { MatchersV3 } from '@pact-foundation/pact';
import { matching } from '../support/matchers.ts';

const { string } = MatchersV3;

/**
 * An error the proxy itself answers: Stytch's envelope, the proxy's `error_type`, its own request id
 * (not Stytch's: the request never reached Stytch) and an `error_url` anchored at that type.
 */
export function proxyError(status: number, error_type: string) {
  return {
    status_code: status,
    request_id: matching('^[A-Za-z0-9._:=-]{1,255}$', '3f1f0b8e-6d0c-4c7e-9b7a-2f4c1d9e8a10'),
    error_type,
    error_message: string('A sentence saying what went wrong.'),
    error_url: matching(
      `^https?://[^#\\s]+#${error_type}$`,
      `https://example.com/docs/errors.md#${error_type}`,
    ),
  };
}
