import {
  ORGANIZATION_CLAIM,
  type OrganizationClaim,
  SESSION_CLAIM,
  sessionJwtIssuer,
} from '@connected-apps/core/wire';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';

/** Session keys the proxy can be given instead of Stytch's JWKS (`deps.jwks`, `deps.b2bJwks`). */
export type LocalKeys = JWTVerifyGetKey & { readonly fresh: boolean; reload(): Promise<void> };

/**
 * Signs session JWTs as Stytch would (RS256, `iss stytch.com/{project}`, `aud [project]`, the session
 * claim; a member's also the organization claim), with a key made for this test run. It lets the proxy
 * verify a caller locally, so that the only requests reaching the mock Stytch are the ones an
 * interaction is about.
 */
export async function createLocalSessions(projectId: string) {
  const kid = 'jwk-test-local-sessions';
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const keys: LocalKeys = Object.assign(createLocalJWKSet({ keys: [jwk] }), {
    fresh: true,
    reload: async () => {},
  });
  /** A session JWT of `subject` carrying `claims`, signed and timed as Stytch's are. */
  const signSession = (subject: string, claims: Record<string, unknown>): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(sessionJwtIssuer(projectId))
      .setAudience([projectId])
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const sign = (user_id: string): Promise<string> =>
    signSession(user_id, { [SESSION_CLAIM]: { id: 'session-test-local', roles: ['stytch_user'] } });
  /** A B2B member session JWT: `sub` the member, the member's roles, and the organization claim. */
  const signMember = (member_id: string, organization: OrganizationClaim, roles: string[]): Promise<string> =>
    signSession(member_id, {
      [SESSION_CLAIM]: { id: 'member-session-test-local', roles },
      [ORGANIZATION_CLAIM]: organization,
    });
  return { keys, sign, signMember };
}

/**
 * The keys of a product the project does not use (a Stytch project is consumer or B2B): never fresh,
 * and never to be had, so the proxy's readiness rests on the other product's keys alone.
 */
export function unavailableKeys(product: 'consumer' | 'B2B'): LocalKeys {
  const fail = () => Promise.reject(new Error(`a project of the other product has no ${product} JWKS`));
  return Object.assign(fail, { fresh: false, reload: fail });
}
