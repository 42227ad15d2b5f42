import type { ServerResponse } from 'node:http';
import { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE } from '@connected-apps/core/wire';

// The cookie names the proxy reads, as Stytch's frontend SDKs set them: core's wire is their one home.
export { SESSION_JWT_COOKIE, SESSION_TOKEN_COOKIE };

/**
 * Sets both session cookies: HttpOnly (page scripts never see them) and SameSite=Lax. The JWT cookie
 * lives only as long as the JWT (5 minutes): once it is gone the proxy falls back to the opaque
 * session token, which it checks with Stytch, for the rest of the session.
 */
export function setSessionCookies(
  res: ServerResponse,
  session: { session_jwt: string; session_token: string },
  maxAge: { jwtSeconds: number; sessionSeconds: number },
): void {
  res.setHeader('Set-Cookie', [
    cookie(SESSION_JWT_COOKIE, session.session_jwt, maxAge.jwtSeconds),
    cookie(SESSION_TOKEN_COOKIE, session.session_token, maxAge.sessionSeconds),
  ]);
}

/** Expires both session cookies. */
export function clearSessionCookies(res: ServerResponse): void {
  res.setHeader('Set-Cookie', [cookie(SESSION_JWT_COOKIE, '', 0), cookie(SESSION_TOKEN_COOKIE, '', 0)]);
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
