import { readFile, writeFile } from 'node:fs/promises';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

/**
 * Replaces the text between the bench markers of a README with `summary`, touching nothing else.
 * A README without the markers gets a "Benchmarks" section with them at its end; a missing README
 * is created with only that section.
 *
 * @example
 * await updateReadme('/repo/README.md', renderMarkdownSummary(results));
 */
export async function updateReadme(path: string, summary: string): Promise<void> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const block = `${BENCH_START}\n${summary.trim()}\n${BENCH_END}`;
  const start = text.indexOf(BENCH_START);
  const end = text.indexOf(BENCH_END, start);
  if (start !== -1 && end !== -1) {
    text = text.slice(0, start) + block + text.slice(end + BENCH_END.length);
  } else {
    const separator = text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    text = `${text}${separator}## Benchmarks\n\n${block}\n`;
  }
  await writeFile(path, text);
}
