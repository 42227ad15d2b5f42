import { control } from './stack.ts';

/** A session JWT, signed by the emulator's real key, whose `exp` passed five minutes ago. */
export async function mintExpiredSessionJwt(user_id: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // Well past the proxy's few seconds of clock tolerance.
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
