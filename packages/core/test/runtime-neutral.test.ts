import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/**
 * The entries browsers and edge runtimes load. esbuild's `neutral` platform knows no Node built-ins, so a
 * `node:` import fails to resolve and the build throws; a bare `Buffer` global still builds, hence the
 * text check on the output.
 */
const ENTRIES: Array<[entry: string, external: string[]]> = [
  ['src/index.ts', []],
  ['src/ky.ts', ['ky']],
];

describe.each(ENTRIES)('%s bundled for a runtime without Node', (entry, external) => {
  it('builds with no node: specifier and no Buffer, importing only its declared externals', async () => {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      external,
      logLevel: 'silent',
    });

    expect(result.errors).toEqual([]);
    const [file] = result.outputFiles;
    expect(file?.text.length ?? 0).toBeGreaterThan(0);
    expect(file?.text).not.toMatch(/['"]node:/);
    expect(file?.text).not.toMatch(/\bBuffer\b/);
    const imported = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((imported) => imported.path),
    );
    expect(imported.sort()).toEqual([...external].sort());
  });
});
