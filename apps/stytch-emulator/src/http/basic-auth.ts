/**
 * Checks Stytch's HTTP Basic credentials (`project_id:secret`). Missing, malformed, wrong-secret and
 * other-project headers all fail the same way, as Stytch answers them all with one 401.
 *
 * The expected header is computed once, so a well-behaved client costs one string comparison. The
 * emulator holds test credentials only, so no constant-time comparison is needed.
 *
 * Written here on purpose rather than taken from core's `basicAuthorization`: it is an independent
 * check of core's encoding (UTF-8, base64), so a bug there fails against the emulator as against Stytch.
 */
export function createCredentialCheck(
  projectId: string,
  secret: string,
): (header: string | undefined) => boolean {
  const expected = `Basic ${Buffer.from(`${projectId}:${secret}`, 'utf8').toString('base64')}`;
  return (header) => {
    if (header === undefined) return false;
    if (header === expected) return true;
    const decoded = decodeBasic(header);
    return decoded !== undefined && decoded.user === projectId && decoded.password === secret;
  };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Parses `Basic <base64(user:password)>` leniently about the scheme's case and padding, strictly about base64. */
export function decodeBasic(header: string): { user: string; password: string } | undefined {
  const match = /^basic\s+(\S+)\s*$/i.exec(header);
  const encoded = match?.[1];
  if (encoded === undefined || !BASE64.test(encoded)) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon === -1) return undefined;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
