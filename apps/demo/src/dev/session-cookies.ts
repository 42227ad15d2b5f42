import type { ServerResponse } from 'node:http';
import { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE } from '@connected-apps/core/wire';

// The cookie names the proxy reads, as Stytch's frontend SDKs set them: core's wire is their one home.
export { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE };

/**
 * The demo's own cookie, set beside a member session: which member signed in, so `/dev/whoami` can
 * still say it once the short-lived JWT cookie is gone (the opaque token names nobody). For display
 * only; the proxy never reads it.
 */
export const DEMO_MEMBER_COOKIE = 'connected_apps_demo_member';

/** A signed-in member, as the demo page needs to know it. */
export interface SignedInMember {
  organization_id: string;
  member_id: string;
}

/**
 * Sets both session cookies: HttpOnly (page scripts never see them) and SameSite=Lax. The JWT cookie
 * lives only as long as the JWT (5 minutes): once it is gone the proxy falls back to the opaque
 * session token, which it checks with Stytch, for the rest of the session. With `member`, a member
 * session: the demo's member cookie is set as well; without, it is cleared.
 */
export function setSessionCookies(
  res: ServerResponse,
  session: { session_jwt: string; session_token: string },
  maxAge: { jwtSeconds: number; sessionSeconds: number },
  member?: SignedInMember,
): void {
  res.setHeader('Set-Cookie', [
    cookie(SESSION_JWT_COOKIE, session.session_jwt, maxAge.jwtSeconds),
    cookie(SESSION_TOKEN_COOKIE, session.session_token, maxAge.sessionSeconds),
    member
      ? cookie(
          DEMO_MEMBER_COOKIE,
          Buffer.from(JSON.stringify(member)).toString('base64url'),
          maxAge.sessionSeconds,
        )
      : cookie(DEMO_MEMBER_COOKIE, '', 0),
  ]);
}

/** Expires every cookie the demo sets. */
export function clearSessionCookies(res: ServerResponse): void {
  res.setHeader('Set-Cookie', [
    cookie(SESSION_JWT_COOKIE, '', 0),
    cookie(SESSION_TOKEN_COOKIE, '', 0),
    cookie(DEMO_MEMBER_COOKIE, '', 0),
  ]);
}

/** The member the demo's member cookie names, or undefined. */
export function readSignedInMember(header: string | undefined): SignedInMember | undefined {
  const value = readCookie(header, DEMO_MEMBER_COOKIE);
  if (!value) return undefined;
  try {
    const member = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<SignedInMember>;
    const { organization_id, member_id } = member;
    return typeof organization_id === 'string' && typeof member_id === 'string'
      ? { organization_id, member_id }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The value of one cookie of a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`;
}
