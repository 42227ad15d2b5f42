import { createHash, randomUUID } from 'node:crypto';
import type { StytchEnvironment, StytchJwk } from '@connected-apps/core/wire';
import type { CryptoKey } from 'jose';
import { exportJWK, generateKeyPair, importPKCS8 } from 'jose';
import { createJwkCertificate } from './key-certificate.ts';

/** The JWK the emulator serves from `GET /v1/sessions/jwks/{project_id}`: core's `StytchJwk`, every member Stytch sends. */
export interface SigningJwk extends StytchJwk {
  use: 'sig';
  key_ops: ['verify'];
  alg: 'RS256';
  kid: string;
  n: string;
  e: string;
  x5c: string[];
  x5tS256: string;
}

/** The RS256 key that signs session JWTs, with its public half as a JWK. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: SigningJwk;
}

/**
 * The RSA key the emulators of this process sign with when given none: generated once. An RSA-2048
 * key costs 100–400 ms of CPU to generate, and a test suite starts an emulator per test file; each
 * emulator still serves it under a `kid` (and certificate) of its own, so a JWT one emulator signed
 * names a key no other emulator's JWKS has.
 */
let processKey: Promise<CryptoKey> | undefined;

function generatedKey(): Promise<CryptoKey> {
  processKey ??= generateKeyPair('RS256', { extractable: true, modulusLength: 2048 }).then(
    ({ privateKey }) => privateKey,
    (error: unknown) => {
      processKey = undefined;
      throw error;
    },
  );
  return processKey;
}

/**
 * The RS256 signing key: the process's generated one, or one loaded from a PKCS#8 PEM so that JWTs
 * stay valid across emulator restarts (e.g. a long-lived demo). The `kid` is Stytch-shaped
 * (`jwk-test-<uuid>`): random for the generated key, derived from the key itself for a loaded one,
 * so that it survives restarts too.
 */
export async function createSigningKey(env: StytchEnvironment, pkcs8Pem?: string): Promise<SigningKey> {
  let privateKey: CryptoKey;
  if (pkcs8Pem === undefined) {
    privateKey = await generatedKey();
  } else {
    privateKey = await importPKCS8(pkcs8Pem, 'RS256', { extractable: true });
  }
  // The public JWK is the private one minus its private members.
  const { kty, n, e } = await exportJWK(privateKey);
  if (kty !== 'RSA' || n === undefined || e === undefined) {
    throw new Error('The signing key must be an RSA key.');
  }
  const kid = `jwk-${env}-${pkcs8Pem === undefined ? randomUUID() : uuidFrom(`${n}.${e}`)}`;
  const publicKey = (await crypto.subtle.importKey(
    'jwk',
    { kty, n, e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['verify'],
  )) as CryptoKey;
  const certificate = await createJwkCertificate(kid, { privateKey, publicKey });
  const jwk: SigningJwk = { kty, use: 'sig', key_ops: ['verify'], alg: 'RS256', kid, n, e, ...certificate };
  return { kid, privateKey, publicKey, jwk };
}

/** A UUID-formatted digest of `text`: stable for the same key, distinct for different keys. */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
