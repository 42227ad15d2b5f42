import { SESSION_CLAIM, sessionJwtIssuer } from '@connected-apps/core/wire';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { ClaimsOverride, StytchSession } from '../types.ts';
import type { SigningKey } from './signing-key.ts';

/** Stytch session JWTs live five minutes; the session itself usually lives longer. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;

/** What a verified session JWT says. */
export interface VerifiedSessionJwt {
  sessionId: string;
  userId: string;
  /** True when only `exp` failed: Stytch still authenticates such a JWT if the session is alive. */
  expired: boolean;
}

/** Signs and verifies session JWTs exactly as Stytch issues them. */
export interface SessionJwtSigner {
  sign(session: StytchSession, override?: ClaimsOverride): Promise<string>;
  /** Undefined when the signature, issuer, audience or session claim is not ours. */
  verify(jwt: string): Promise<VerifiedSessionJwt | undefined>;
}

/** `iss` `stytch.com/{project_id}`, `aud` `[project_id]`, `sub` the user, RS256 with `kid` and `typ: JWT`. */
export function createSessionJwtSigner(projectId: string, key: SigningKey): SessionJwtSigner {
  const issuer = sessionJwtIssuer(projectId);
  return {
    async sign(session, override = {}) {
      const now = Math.floor(Date.now() / 1000);
      const iat = override.iat ?? now;
      const sessionExpiry = Math.floor(Date.parse(session.expires_at) / 1000);
      const claim = {
        id: session.session_id,
        started_at: session.started_at,
        last_accessed_at: session.last_accessed_at,
        expires_at: session.expires_at,
        attributes: session.attributes,
        authentication_factors: session.authentication_factors,
        roles: session.roles,
      };
      return new SignJWT({ [SESSION_CLAIM]: claim })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .setIssuer(override.iss ?? issuer)
        .setAudience(override.aud ?? [projectId])
        .setSubject(override.sub ?? session.user_id)
        .setIssuedAt(iat)
        .setNotBefore(override.nbf ?? iat)
        .setExpirationTime(override.exp ?? Math.min(iat + SESSION_JWT_LIFETIME_SECONDS, sessionExpiry))
        .sign(key.privateKey);
    },

    async verify(jwt) {
      let payload: Record<string, unknown>;
      let expired = false;
      try {
        ({ payload } = await jwtVerify(jwt, key.publicKey, {
          issuer,
          audience: projectId,
          algorithms: ['RS256'],
        }));
      } catch (error) {
        // jose checks signature, iss and aud before exp, so an expired JWT's payload is trustworthy.
        if (!(error instanceof errors.JWTExpired) || error.claim !== 'exp') return undefined;
        payload = error.payload;
        expired = true;
      }
      const claim = payload[SESSION_CLAIM] as { id?: unknown } | undefined;
      if (typeof claim?.id !== 'string' || typeof payload.sub !== 'string') return undefined;
      return { sessionId: claim.id, userId: payload.sub, expired };
    },
  };
}
