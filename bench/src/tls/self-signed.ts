import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A certificate and key for a TLS server on 127.0.0.1, plus the file a client can trust. */
export interface LocalTlsMaterial {
  /** PEM certificate (self-signed, valid for `127.0.0.1`, `::1` and `localhost`). */
  cert: string;
  /** PEM private key. */
  key: string;
  /** Path of the certificate on disk, for `NODE_EXTRA_CA_CERTS` in child processes. */
  certPath: string;
  /** Path of the private key on disk, for a child process serving TLS. */
  keyPath: string;
}

/**
 * Generates a fresh self-signed certificate so the benchmark upstream speaks HTTPS, as real Stytch
 * does: TLS handshakes and encryption are part of every forwarder's cost.
 *
 * @example
 * const tls = await createLocalTls('/tmp/bench');
 * await start({ port: 0, tls });
 */
export async function createLocalTls(dir: string): Promise<LocalTlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    // One day is plenty for a benchmark run; the cert is regenerated every run.
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(dir, { recursive: true });
  const certPath = join(dir, 'upstream-cert.pem');
  const keyPath = join(dir, 'upstream-key.pem');
  await writeFile(certPath, pems.cert);
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, certPath, keyPath };
}
