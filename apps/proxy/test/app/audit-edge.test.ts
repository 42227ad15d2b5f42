import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { createProxyApp } from '../../src/edge.ts';
import { testConfig } from '../helpers/test-config.ts';

const EDGE = fileURLToPath(new URL('../../src/edge.ts', import.meta.url));

describe('the audit trail and the edge entry', () => {
  it('refuses AUDIT_DATABASE_URL, which only the Node entry can open (an audit trail silently off would be a surprise)', () => {
    let error: unknown;
    try {
      createProxyApp(testConfig('http://127.0.0.1:9', { AUDIT_DATABASE_URL: 'file:./audit.db' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      {
        variable: 'AUDIT_DATABASE_URL',
        message: 'is read by the Node entry only; elsewhere pass deps.auditTrail',
      },
    ]);
  });

  it('bundles none of the audit engines: no pg, no node:sqlite, no spool', async () => {
    const result = await build({
      entryPoints: [EDGE],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      conditions: ['@connected-apps/source'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The history route and the audit hook are in it (they answer 404 and do nothing without a trail)…
    expect(inputs).toContain('src/audit/history-answer.ts');
    // …and nothing that opens a database or a file.
    expect(
      inputs.filter((input) => /\/pg(-[a-z]+)?\/|sqlite|spool|audit-trail|postgres-store/.test(input)),
    ).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((i) => i.path),
    );
    expect(imports).not.toContain('node:sqlite');
  });
});
