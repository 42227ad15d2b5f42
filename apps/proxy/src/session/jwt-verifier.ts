import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ProxyFailure } from '../errors/proxy-failure.ts';

/** The claim Stytch puts the session in. */
const SESSION_CLAIM = 'https://stytch.com/session';

/** A session JWT whose signature and claims checked out; `iat` says whether it is still fresh enough. */
export interface VerifiedJwt {
  user_id: string;
  session_id: string;
  roles: string[];
  issued_at_ms: number;
  expires_at_ms: number;
}

/** Options of {@link createJwtVerifier}. */
export interface JwtVerifierOptions {
  projectId: string;
  /** The JWKS (Stytch's, remote and cached). */
  keys: JWTVerifyGetKey;
  /** Allowed clock skew, seconds. @default 5 */
  clockToleranceSeconds?: number;
}

/**
 * Builds the JWKS key resolver for a project: `GET {base}/v1/sessions/jwks/{project_id}`, cached by
 * jose for 10 minutes and refetched (at most every `cooldownMs`) when a token names an unknown `kid`,
 * which is how Stytch's key rotation reaches us.
 *
 * @example
 * const keys = createStytchJwks('https://test.stytch.com', 'project-test-…', 'Basic …');
 */
export function createStytchJwks(
  baseUrl: string,
  projectId: string,
  authorization: string,
  options: {
    /** Least time between two fetches, so forged `kid`s cannot make us hammer Stytch. @default 30000 */
    cooldownMs?: number;
  } = {},
) {
  return createRemoteJWKSet(new URL(`${baseUrl}/v1/sessions/jwks/${encodeURIComponent(projectId)}`), {
    headers: { authorization },
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: options.cooldownMs ?? 30_000,
    timeoutDuration: 5000,
  });
}

/**
 * Verifies a Stytch session JWT locally: RS256 only (so `alg: none` and HS256-with-the-public-key are
 * refused before any key is used), issuer `stytch.com/{project_id}`, audience the project id,
 * `exp`/`nbf` with a small clock tolerance, and a subject and session claim present.
 * Throws {@link ProxyFailure} `session_invalid`, or `upstream_unavailable` when the keys cannot be fetched.
 */
export function createJwtVerifier(options: JwtVerifierOptions): (jwt: string) => Promise<VerifiedJwt> {
  const verifyOptions = {
    algorithms: ['RS256'],
    issuer: `stytch.com/${options.projectId}`,
    audience: options.projectId,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['sub', 'exp', 'iat'],
  };
  return async (jwt) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, options.keys, verifyOptions));
    } catch (error) {
      throw new ProxyFailure(isKeyFetchFailure(error) ? 'upstream_unavailable' : 'session_invalid', {
        cause: error,
      });
    }
    const session = payload[SESSION_CLAIM] as { id?: unknown; roles?: unknown } | undefined;
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof session?.id !== 'string') {
      throw new ProxyFailure('session_invalid');
    }
    return {
      user_id: payload.sub,
      session_id: session.id,
      roles: Array.isArray(session.roles)
        ? session.roles.filter((r): r is string => typeof r === 'string')
        : [],
      issued_at_ms: (payload.iat as number) * 1000,
      expires_at_ms: (payload.exp as number) * 1000,
    };
  };
}

/** The JWKS could not be fetched (as opposed to: the token is bad). */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // A plain JOSEError (no subclass) is what jose throws for a non-200 or non-JSON JWKS response.
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  // fetch's own TypeError when the JWKS host cannot be reached.
  return error instanceof Error;
}
