import { ORGANIZATION_CLAIM } from '@connected-apps/core/wire';

/**
 * The same member session JWT with its `https://stytch.com/organization` claim changed to name
 * another organization, the signature left as it was: a forgery any verifier must refuse (401), never
 * a way into that organization.
 *
 * @example
 * const forged = withEditedOrganizationClaim(member.session_jwt, { organization_id: other.organization_id, slug: other.slug });
 */
export function withEditedOrganizationClaim(
  jwt: string,
  organization: { organization_id: string; slug: string },
): string {
  const [header, payload, signature] = jwt.split('.');
  if (header === undefined || payload === undefined || signature === undefined) {
    throw new Error('not a compact JWS');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  claims[ORGANIZATION_CLAIM] = organization;
  return `${header}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}.${signature}`;
}
