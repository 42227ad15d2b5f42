import type { ControlClient } from '@connected-apps/stytch-emulator';

/**
 * A session JWT signed by the emulator's real key for a live session, whose `exp` passed five minutes
 * ago: well past a verifier's few seconds of clock tolerance. Stytch still accepts the session itself.
 */
export async function mintExpiredSessionJwt(control: ControlClient, user_id: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { session_jwt } = await control.mintSession({
    user_id,
    claims_override: { iat: now - 600, nbf: now - 600, exp: now - 300 },
  });
  return session_jwt;
}

/**
 * The same JWT with one character of its signature changed. The middle one, never the last: the last
 * base64url character carries padding bits, so changing it may decode to the same signature bytes.
 */
export function withTamperedSignature(jwt: string): string {
  const dot = jwt.lastIndexOf('.');
  const at = dot + 1 + Math.floor((jwt.length - dot - 1) / 2);
  const replacement = jwt[at] === 'A' ? 'B' : 'A';
  return `${jwt.slice(0, at)}${replacement}${jwt.slice(at + 1)}`;
}
