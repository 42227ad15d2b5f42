import { isStytchApiError, type SessionsAuthenticateRequest, type StytchClient } from '@connected-apps/core';
import type { OrganizationClaim } from '@connected-apps/core/wire';
import type { ProxyErrorType } from '../errors/error-catalog.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';

/** What the proxy keeps of Stytch's `sessions/authenticate` answer. */
export interface AuthenticatedSession {
  user_id: string;
  session_id: string;
  roles: string[];
  expires_at_ms: number;
  /** B2B member sessions only: the member's organization. */
  organization?: OrganizationClaim;
}

/** Confirms a credential with Stytch. */
export type RemoteSessionCheck = (credential: SessionsAuthenticateRequest) => Promise<AuthenticatedSession>;

/**
 * Stytch's `POST /v1/sessions/authenticate` through the proxy's Stytch client (its transport, timeout,
 * retry budget and shape validation). Throws {@link ProxyError}: `session_invalid` when Stytch rejects
 * the session (400, 404, or 401 for the session), `upstream_unavailable` when Stytch refuses the
 * proxy's own credentials (401 `unauthorized_credentials`) or answers 429/5xx after the retries,
 * else the upstream failure (`upstream_timeout`, `upstream_invalid_response`, `shutting_down`).
 *
 * @example
 * const confirm = createRemoteSessionCheck(stytch);
 * const session = await confirm({ session_token: 'mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q' });
 */
export function createRemoteSessionCheck(stytch: StytchClient, signal?: AbortSignal): RemoteSessionCheck {
  return async (credential) => {
    try {
      const { session } = await stytch.sessions.authenticate(credential, { signal });
      return {
        // Stytch names the user inside the session; the response's top-level `user` is not needed.
        user_id: session.user_id,
        session_id: session.session_id,
        roles: session.roles,
        expires_at_ms: Date.parse(session.expires_at),
      };
    } catch (cause) {
      throw new ProxyError(remoteSessionFailureType(cause), { cause });
    }
  };
}

/**
 * The proxy's error for a failed `sessions/authenticate` (consumer or B2B): `session_invalid` when
 * Stytch rejects the session, else a server-side failure (see {@link createRemoteSessionCheck}).
 */
export function remoteSessionFailureType(error: unknown): ProxyErrorType {
  if (!isStytchApiError(error)) return upstreamFailureType(error) ?? 'internal_server_error';
  const { status_code, error_type } = error;
  // 401 unauthorized_credentials means *our* secret was refused: a server fault, not the caller's.
  const sessionRejected =
    status_code === 400 ||
    status_code === 404 ||
    (status_code === 401 && error_type !== 'unauthorized_credentials');
  return sessionRejected ? 'session_invalid' : 'upstream_unavailable';
}
