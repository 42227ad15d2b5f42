import type { Transport } from '@connected-apps/core';
import { ProxyFailure } from '../errors/proxy-failure.ts';

/** What the proxy needs from Stytch's `POST /v1/sessions/authenticate` answer. */
export interface AuthenticatedSession {
  user_id: string;
  session_id: string;
  roles: string[];
  expires_at_ms: number;
}

/** Options of {@link createSessionsAuthenticate}. */
export interface SessionsAuthenticateOptions {
  baseUrl: string;
  /** `Basic base64(project_id:secret)`. */
  authorization: string;
  transport: Transport;
  /** Per call, ms. */
  timeoutMs: number;
}

/**
 * Stytch's `POST /v1/sessions/authenticate`, the one Stytch call `@connected-apps/core` does not offer,
 * sent over the same transport (and connection pool) as the forwarded calls. No retries: the caller
 * is waiting, and a failed check is answered, not guessed.
 * Throws {@link ProxyFailure}: `session_invalid` when Stytch rejects the session (400/401/404 for the
 * session), `upstream_timeout`/`upstream_unavailable`/`upstream_invalid_response` otherwise.
 *
 * @example
 * const authenticate = createSessionsAuthenticate({ baseUrl, authorization, transport, timeoutMs: 5000 });
 * const session = await authenticate({ session_token: 'mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q' });
 */
export function createSessionsAuthenticate(options: SessionsAuthenticateOptions) {
  const url = `${options.baseUrl}/v1/sessions/authenticate`;
  const headers = { authorization: options.authorization, 'content-type': 'application/json' };
  return async (
    credential: { session_token: string } | { session_jwt: string },
  ): Promise<AuthenticatedSession> => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Awaited<ReturnType<Transport['send']>>;
    try {
      response = await options.transport.send({
        method: 'POST',
        url,
        headers,
        body: JSON.stringify(credential),
        signal,
      });
    } catch (error) {
      throw new ProxyFailure(signal.aborted ? 'upstream_timeout' : 'upstream_unavailable', { cause: error });
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch (error) {
      throw new ProxyFailure('upstream_invalid_response', { cause: error });
    }
    if (response.status !== 200) {
      const errorType = (body as { error_type?: unknown } | null)?.error_type;
      // 401 unauthorized_credentials means *our* secret was refused: a server fault, not the caller's.
      const sessionRejected =
        response.status === 404 ||
        response.status === 400 ||
        (response.status === 401 && errorType !== 'unauthorized_credentials');
      throw new ProxyFailure(sessionRejected ? 'session_invalid' : 'upstream_unavailable', {
        cause: new Error(`sessions/authenticate answered ${response.status} ${String(errorType)}`),
      });
    }
    return parseSession(body);
  };
}

function parseSession(body: unknown): AuthenticatedSession {
  // Stytch names the user inside the session (`session.user_id`); the response has no top-level user_id.
  const { session } = (body ?? {}) as { session?: Record<string, unknown> };
  const user_id = session?.user_id;
  const expiresAt = typeof session?.expires_at === 'string' ? Date.parse(session.expires_at) : Number.NaN;
  if (typeof user_id !== 'string' || typeof session?.session_id !== 'string' || Number.isNaN(expiresAt)) {
    throw new ProxyFailure('upstream_invalid_response');
  }
  const roles = Array.isArray(session.roles)
    ? session.roles.filter((r): r is string => typeof r === 'string')
    : [];
  return { user_id, session_id: session.session_id, roles, expires_at_ms: expiresAt };
}
