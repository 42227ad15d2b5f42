/**
 * `attw` (Are the Types Wrong?) on the package in the working directory, as `pnpm pack` packs it:
 * `node ../../scripts/attw-packed.ts [attw options]`. `attw --pack` runs `npm pack`, which runs the
 * package's `prepack` (a second build: the test scripts have just built it) and leaves `workspace:`
 * ranges in place; `pnpm pack --ignore-scripts` packs the files already built, as published.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'attw-packed-'));
try {
  const pack = spawnSync('pnpm', ['pack', '--ignore-scripts', '--pack-destination', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (pack.error) throw pack.error;
  if (pack.status !== 0) process.exit(pack.status ?? 1);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball to ${dir}`);
  // `attw` from the package's devDependencies (on PATH under `pnpm run`).
  const attw = spawnSync('attw', [join(dir, tarball), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (attw.error) throw attw.error;
  process.exitCode = attw.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
