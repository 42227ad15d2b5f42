import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from 'selfsigned';
import { afterAll, beforeAll } from 'vitest';
import { type Emulator, start } from '../../src/index.ts';
import type { ScenarioEmulator } from './scenario.ts';

const run = promisify(execFile);

/**
 * An emulator over TLS with a fresh self-signed certificate for the file's tests (the SDK only talks
 * https), and a runner for an SDK scenario script in a child process that trusts the certificate; the
 * script's input gets the emulator's URL and credentials (`ScenarioEmulator`) added.
 */
export function useTlsEmulator(): {
  emulator: () => Emulator;
  runScenario: (script: string, input: object) => Promise<unknown>;
} {
  let emulator: Emulator | undefined;
  let directory: string | undefined;
  let caFile = '';
  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    directory = mkdtempSync(join(tmpdir(), 'stytch-emulator-sdk-'));
    caFile = join(directory, 'ca.pem');
    writeFileSync(caFile, pems.cert);
    emulator = await start({ tls: { cert: pems.cert, key: pems.private } });
  });
  afterAll(async () => {
    await emulator?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  const running = () => {
    if (!emulator) throw new Error('the TLS emulator is used outside the tests of its file');
    return emulator;
  };
  const scenarioEmulator = (): ScenarioEmulator => {
    const { url, projectId, secret } = running();
    return { url, projectId, secret };
  };
  return {
    emulator: running,
    async runScenario(script, input) {
      const { stdout } = await run(
        process.execPath,
        [join(import.meta.dirname, script), JSON.stringify({ ...scenarioEmulator(), ...input })],
        {
          cwd: join(import.meta.dirname, '../..'),
          env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
          timeout: 20_000,
        },
      );
      return JSON.parse(stdout);
    },
  };
}
