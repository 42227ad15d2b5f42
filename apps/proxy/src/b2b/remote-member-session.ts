import type { StytchB2BClient } from '@connected-apps/core';
import { ProxyError } from '../errors/proxy-error.ts';
import { type RemoteSessionCheck, remoteSessionFailureType } from '../session/remote-session.ts';

/**
 * Stytch's `POST /v1/b2b/sessions/authenticate` through the proxy's B2B Stytch client, the member
 * counterpart of `session/remote-session.ts` with the same failures (`session_invalid` when Stytch
 * rejects the session; 5xx when Stytch cannot be asked). The caller is the member session's member,
 * in the member session's organization.
 *
 * @example
 * const confirm = createRemoteMemberSessionCheck(b2b);
 * const session = await confirm({ session_token: 'mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q' });
 */
export function createRemoteMemberSessionCheck(
  stytch: StytchB2BClient,
  signal?: AbortSignal,
): RemoteSessionCheck {
  return async (credential) => {
    try {
      const { member_session } = await stytch.sessions.authenticate(credential, { signal });
      return {
        user_id: member_session.member_id,
        session_id: member_session.member_session_id,
        roles: member_session.roles,
        expires_at_ms: Date.parse(member_session.expires_at),
        organization: {
          organization_id: member_session.organization_id,
          slug: member_session.organization_slug,
        },
      };
    } catch (cause) {
      throw new ProxyError(remoteSessionFailureType(cause), { cause });
    }
  };
}
