import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../.test-results/reliability-figures.json', import.meta.url));

/**
 * Records a figure of the reliability suite (cases run, durations, RSS samples) in
 * `.test-results/reliability-figures.json`, so a run's numbers can be quoted without reading logs.
 *
 * @example
 * recordFigure('fuzz', { cases: 400, seconds: 6.2 });
 */
export function recordFigure(name: string, value: unknown): void {
  mkdirSync(fileURLToPath(new URL('.', `file://${file}`)), { recursive: true });
  let figures: Record<string, unknown> = {};
  try {
    figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // First figure of the run, or an unreadable leftover: start afresh.
  }
  figures[name] = { ...(value as object), recordedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
