import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

// Forgeries are built with node:crypto alone: each one is a few lines of JWS (RFC 7515), and a test
// of the verifier must not share the library the verifier uses to sign or check.

type Json = Record<string, unknown>;

const encode = (value: Json): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string | undefined): Json =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Json;

/** The header and claims of a real session JWT, to copy into forgeries. */
export function readJwt(jwt: string): { header: Json; claims: Json } {
  const [header, claims] = jwt.split('.');
  return { header: decode(header), claims: decode(claims) };
}

/** `alg: none`, no signature: the token claims to need no verification. */
export function unsignedJwt(claims: Json): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** RS256 under the real key's `kid`, signed by a key Stytch never published. */
export function signedByAnotherKey(claims: Json, kid: unknown): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** A real token's claims edited (e.g. another `sub`), its header and signature kept. */
export function withEditedClaims(jwt: string, edit: Json): string {
  const [header, claims, signature] = jwt.split('.');
  return `${header}.${encode({ ...decode(claims), ...edit })}.${signature}`;
}

/** HS256 keyed with the RS256 public key's PEM: the classic algorithm-confusion forgery. */
export function hs256WithPublicKey(claims: Json, kid: unknown, publicKeyPem: string): string {
  const input = `${encode({ alg: 'HS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', publicKeyPem).update(input).digest('base64url')}`;
}

/**
 * An RS256 key pair as PEM: the private key for the emulator to sign sessions with (its `signingKey`
 * option), the public one being what the project's JWKS publishes.
 */
export function sessionSigningKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
