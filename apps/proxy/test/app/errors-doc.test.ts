import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROXY_ERRORS } from '../../src/errors/error-catalog.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.entries(PROXY_ERRORS))('documents %s with its status', (type, { status }) => {
    expect(doc).toContain(`\n### ${type}\n\n**${status}.**`);
    expect(doc).toMatch(new RegExp(`\\| \\[\`${type}\`\\]\\(#${type}\\) +\\| ${status} +\\|`));
  });

  it('documents no error type the proxy does not have', () => {
    const headings = [...doc.matchAll(/^### (\w+)$/gm)].map((m) => m[1]);
    expect(headings.sort()).toEqual(Object.keys(PROXY_ERRORS).sort());
  });
});
