import {
  ORGANIZATION_CLAIM,
  type OrganizationClaim,
  SESSION_CLAIM,
  type StytchMemberSession,
  sessionJwtIssuer,
} from '@connected-apps/core/wire';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { ClaimsOverride, StytchSession } from '../types.ts';
import type { SigningKey } from './signing-key.ts';

/** Stytch session JWTs live five minutes; the session itself usually lives longer. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;

/** What a verified session JWT says. */
export interface VerifiedSessionJwt {
  sessionId: string;
  /** `sub`: the user id, or the member id of a member session. */
  subject: string;
  /** The B2B organization claim, when the JWT has one. */
  organization?: OrganizationClaim;
  /** True when only `exp` failed: Stytch still authenticates such a JWT if the session is alive. */
  expired: boolean;
}

/** How one JWT is signed: its `iss` unless overridden, and the member session's organization claim. */
export interface SignOptions {
  override?: ClaimsOverride;
  /** The B2B claim, for a member session. */
  organization?: OrganizationClaim;
}

/** Signs and verifies session JWTs exactly as Stytch issues them, consumer and member alike. */
export interface SessionJwtSigner {
  sign(session: StytchSession, options?: SignOptions): Promise<string>;
  signMember(session: StytchMemberSession, options?: SignOptions): Promise<string>;
  /** Undefined when the signature, issuer, audience or session claim is not ours. */
  verify(jwt: string): Promise<VerifiedSessionJwt | undefined>;
}

type SessionFields = Pick<StytchSession, 'started_at' | 'last_accessed_at' | 'expires_at' | 'roles'> & {
  attributes?: StytchSession['attributes'];
  authentication_factors: unknown[];
};

/**
 * `iss` `stytch.com/{project_id}` (or the project's custom domain, see `issuers`), `aud` `[project_id]`,
 * `sub` the user or member, RS256 with `kid` and `typ: JWT`; a member session adds the
 * `https://stytch.com/organization` claim. `issuers()` is every `iss` verification accepts, read on each call.
 */
export function createSessionJwtSigner(
  projectId: string,
  key: SigningKey,
  issuers: () => string[] = () => [sessionJwtIssuer(projectId)],
): SessionJwtSigner {
  const issuer = sessionJwtIssuer(projectId);

  async function signClaims(
    sessionId: string,
    subject: string,
    session: SessionFields,
    { override = {}, organization }: SignOptions,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const iat = override.iat ?? now;
    const sessionExpiry = Math.floor(Date.parse(session.expires_at) / 1000);
    const claims: JWTPayload = {
      [SESSION_CLAIM]: {
        id: sessionId,
        started_at: session.started_at,
        last_accessed_at: session.last_accessed_at,
        expires_at: session.expires_at,
        attributes: session.attributes ?? { ip_address: '', user_agent: '' },
        authentication_factors: session.authentication_factors,
        roles: session.roles,
      },
    };
    if (organization) claims[ORGANIZATION_CLAIM] = organization;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(override.iss ?? issuer)
      .setAudience(override.aud ?? [projectId])
      .setSubject(override.sub ?? subject)
      .setIssuedAt(iat)
      .setNotBefore(override.nbf ?? iat)
      .setExpirationTime(override.exp ?? Math.min(iat + SESSION_JWT_LIFETIME_SECONDS, sessionExpiry))
      .sign(key.privateKey);
  }

  return {
    sign: (session, options = {}) => signClaims(session.session_id, session.user_id, session, options),

    signMember: (session, options = {}) =>
      signClaims(session.member_session_id, session.member_id, session, {
        ...options,
        organization: options.organization ?? {
          organization_id: session.organization_id,
          slug: session.organization_slug,
        },
      }),

    async verify(jwt) {
      let payload: JWTPayload;
      let expired = false;
      try {
        ({ payload } = await jwtVerify(jwt, key.publicKey, {
          issuer: issuers(),
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
      const organization = payload[ORGANIZATION_CLAIM] as Partial<OrganizationClaim> | undefined;
      return {
        sessionId: claim.id,
        subject: payload.sub,
        ...(typeof organization?.organization_id === 'string' && typeof organization.slug === 'string'
          ? { organization: { organization_id: organization.organization_id, slug: organization.slug } }
          : {}),
        expired,
      };
    },
  };
}
