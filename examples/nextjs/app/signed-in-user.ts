import { SESSION_JWT_COOKIE } from '@connected-apps/core/wire';
import { cookies } from 'next/headers';

/**
 * Whose apps the page lists: the subject of the session JWT cookie, read without verifying it. It
 * only picks the list to ask for; the proxy verifies the session on every call and refuses any
 * other user's id. An app would take this from its own session (Stytch's `sessions.authenticate`).
 * Decoded by hand: a JWT payload is base64url JSON, and verifying it here would add nothing.
 */
export async function signedInUserId(): Promise<string | undefined> {
  const jwt = (await cookies()).get(SESSION_JWT_COOKIE)?.value;
  const payload = jwt?.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}
