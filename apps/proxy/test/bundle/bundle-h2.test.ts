import { writeFile } from 'node:fs/promises';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { join } from 'node:path';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { bearer, proxyEnv, proxyRevokePath, seedWorld, stytchRevokePath } from '@connected-apps/testkit';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBundleIsCurrent,
  type DeployedBundle,
  deployBundle,
  type RunningBundle,
  runBundle,
} from './deployed-bundle.ts';

// Stytch answers over TLS and may negotiate HTTP/2. The bundle loads undici's HTTP/2 half only on the
// first h2 connection (scripts/bundle.ts, `lazyHttp2`): this is that first connection, end to end.
let emulator: Emulator;
let front: Http2SecureServer;
let frontUrl: string;
const h2Paths: string[] = [];
let deployed: DeployedBundle;
let running: RunningBundle;
let url: string;

/** A TLS server that speaks only HTTP/2 (no HTTP/1.1 fallback) and hands each stream to the emulator. */
async function startH2Front(cert: string, key: string): Promise<void> {
  front = createSecureServer({ cert, key, allowHTTP1: false }, async (req, res) => {
    h2Paths.push(`HTTP/${req.httpVersion} ${req.method} ${req.url}`);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !name.startsWith(':') && typeof req.headers[name] === 'string',
      ),
    ) as Record<string, string>;
    const body =
      req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(await req.toArray());
    const answer = await fetch(`${emulator.url}${req.url}`, { method: req.method, headers, body });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const address = front.address();
  if (address === null || typeof address === 'string') throw new Error('the h2 front has no port');
  frontUrl = `https://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  await assertBundleIsCurrent();
  emulator = await start({ port: 0 });
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 3600_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  await startH2Front(pems.cert, pems.private);
  deployed = await deployBundle();
  const certPath = join(deployed.dir, 'stytch-ca.pem');
  await writeFile(certPath, pems.cert);
  running = runBundle(deployed, {
    ...proxyEnv(emulator, { PORT: '0' }),
    STYTCH_BASE_URL: frontUrl,
    NODE_EXTRA_CA_CERTS: certPath,
  });
  url = await running.listening();
});

afterAll(async () => {
  running?.kill();
  await deployed?.remove();
  await new Promise((resolve) => (front ? front.close(resolve) : resolve(undefined)));
  await emulator?.stop();
});

describe('the bundle against a Stytch that speaks HTTP/2', () => {
  it('verifies the session and revokes over h2: the grant is gone at Stytch', async () => {
    const world = await seedWorld(emulator);
    h2Paths.length = 0;
    const response = await fetch(`${url}${proxyRevokePath(world.alice.user_id, world.notes)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(world.alice.jwt) },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(h2Paths).toContain(`HTTP/2.0 POST ${stytchRevokePath(world.alice.user_id, world.notes)}`);
    expect((await emulator.control.getTokens(world.alice.user_id, world.notes)).grant_active).toBe(false);
  });
});
