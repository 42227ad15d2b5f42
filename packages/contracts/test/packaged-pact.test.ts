import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_PACT } from '../scripts/copy-pact.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'contracts-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('ships the pact byte for byte as pact/pacts/ has it, the CLI and the library', () => {
    // The build (turbo's `build` task, which `test` depends on; a release's prepack) copied the pact in.
    // Packed without scripts: a prepack rebuild would delete dist/ under the other tasks of the run.
    execFileSync('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', scratch], {
      cwd: PACKAGE_DIR,
      stdio: 'pipe',
    });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    execFileSync('tar', ['-xzf', join(scratch, tarball as string), '-C', scratch]);
    const unpacked = join(scratch, 'package');

    expect(readFileSync(join(unpacked, 'pact', 'connected-apps-react-connected-apps-proxy.json'))).toEqual(
      readFileSync(SOURCE_PACT),
    );
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      exports: Record<string, unknown>;
    };
    expect(manifest.exports['./pact.json']).toBe('./pact/connected-apps-react-connected-apps-proxy.json');
    const bin = manifest.bin['connected-apps-contracts'] as string;
    expect(readFileSync(join(unpacked, bin), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(readdirSync(join(unpacked, 'dist'))).toContain('index.d.ts');
    // Only what a user runs: no sources, tests or scripts.
    expect(readdirSync(unpacked).sort()).toEqual(['README.md', 'dist', 'pact', 'package.json'].sort());
  });
});
