import { createHash } from 'node:crypto';
import { X509CertificateGenerator } from '@peculiar/x509';
import type { CryptoKey } from 'jose';

/** The certificate members Stytch serves with each JWK. */
export interface JwkCertificate {
  /** The DER certificate, standard base64 (RFC 7517 §4.7). */
  x5c: string[];
  /** base64url SHA-256 thumbprint of that DER certificate. */
  x5tS256: string;
}

/**
 * A self-signed certificate for the signing key, so the JWKS carries `x5c`/`x5tS256` as Stytch's does
 * (its schema marks both required). Nothing trusts it: verifiers use `n`/`e`, as Stytch's SDK does.
 */
export async function createJwkCertificate(
  subject: string,
  keys: { privateKey: CryptoKey; publicKey: CryptoKey },
): Promise<JwkCertificate> {
  const notBefore = new Date();
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: createHash('sha256').update(subject).digest('hex').slice(0, 16),
    name: `CN=${subject}`,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 365 * 24 * 3600 * 1000),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    keys,
  });
  const der = Buffer.from(certificate.rawData);
  return { x5c: [der.toString('base64')], x5tS256: createHash('sha256').update(der).digest('base64url') };
}
