import {
  ORGANIZATION_CLAIM,
  type OrganizationClaim,
  SESSION_CLAIM,
  sessionJwtIssuers,
} from '@connected-apps/core/wire';
import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ProxyError } from '../errors/proxy-error.ts';

/** A session JWT whose signature and claims checked out; `iat` says whether it is still fresh enough. */
export interface VerifiedJwt {
  user_id: string;
  session_id: string;
  roles: string[];
  issued_at_ms: number;
  expires_at_ms: number;
  /** B2B member sessions only (`organizationClaim: true`): the `https://stytch.com/organization` claim. */
  organization?: OrganizationClaim;
}

/** Options of {@link createJwtVerifier}. */
export interface JwtVerifierOptions {
  projectId: string;
  /**
   * `STYTCH_BASE_URL`: a project calling Stytch through its own custom domain gets JWTs whose `iss` is
   * that base URL (without a trailing slash) instead of `stytch.com/{project_id}`.
   */
  baseUrl: string;
  /** The JWKS (Stytch's, remote and cached). */
  keys: JWTVerifyGetKey;
  /** Allowed clock skew, seconds. @default 5 */
  clockToleranceSeconds?: number;
  /**
   * B2B member session JWTs: also require the organization claim (`{organization_id, slug}`), which the
   * signature covers like every other claim. @default false
   */
  organizationClaim?: boolean;
}

/**
 * Verifies a Stytch session JWT locally: RS256 only (so `alg: none` and HS256-with-the-public-key are
 * refused before any key is used), issuer `stytch.com/{project_id}` or the configured base URL (a
 * custom domain; core's `sessionJwtIssuers`, exactly the two Stytch's SDKs accept), audience the
 * project id, `exp`/`nbf` with a small clock tolerance, and a subject and session claim present (and,
 * for a B2B member session, the organization claim).
 * Throws {@link ProxyError} `session_invalid`, or a 5xx one when the keys cannot be had.
 *
 * @example
 * const verify = createJwtVerifier({ projectId: 'project-test-…', baseUrl: 'https://test.stytch.com', keys });
 * const { user_id } = await verify(jwt);
 */
export function createJwtVerifier(options: JwtVerifierOptions): (jwt: string) => Promise<VerifiedJwt> {
  const verifyOptions = {
    algorithms: ['RS256'],
    issuer: sessionJwtIssuers(options.projectId, options.baseUrl),
    audience: options.projectId,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['sub', 'exp', 'iat'],
  };
  return async (jwt) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, options.keys, verifyOptions));
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      throw new ProxyError(isKeyFetchFailure(error) ? 'upstream_unavailable' : 'session_invalid', {
        cause: error,
      });
    }
    const session = payload[SESSION_CLAIM] as { id?: unknown; roles?: unknown } | undefined;
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof session?.id !== 'string') {
      throw new ProxyError('session_invalid', { cause: 'the JWT names no user or session' });
    }
    const verified: VerifiedJwt = {
      user_id: payload.sub,
      session_id: session.id,
      roles: Array.isArray(session.roles)
        ? session.roles.filter((r): r is string => typeof r === 'string')
        : [],
      issued_at_ms: (payload.iat as number) * 1000,
      expires_at_ms: (payload.exp as number) * 1000,
    };
    if (options.organizationClaim) verified.organization = organizationOf(payload);
    return verified;
  };
}

function organizationOf(payload: JWTPayload): OrganizationClaim {
  const claim = payload[ORGANIZATION_CLAIM] as Partial<OrganizationClaim> | undefined;
  const { organization_id, slug } = claim ?? {};
  if (typeof organization_id !== 'string' || organization_id === '' || typeof slug !== 'string') {
    throw new ProxyError('session_invalid', { cause: 'the member session JWT names no organization' });
  }
  return { organization_id, slug };
}

/**
 * For a key resolver other than the proxy's own (`deps.jwks`): the keys could not be fetched, as
 * opposed to "the token is bad". The proxy's own resolver fails with a `ProxyError` instead.
 */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // A plain JOSEError (no subclass) is what jose throws for a non-200 or non-JSON JWKS response.
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  // fetch's own TypeError when the JWKS host cannot be reached.
  return error instanceof Error;
}
