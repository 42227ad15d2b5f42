import { MultiBar, Presets } from 'cli-progress';
import type { OutcomeKind } from '../run/outcome.ts';

/** Where progress goes: stderr, a bar when it is a terminal, else a plain line a second. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Counts a run's outcomes as they come and shows them. */
export interface Progress {
  tick(kind: OutcomeKind): void;
  /** Prints a notice (one line) without breaking the bar. */
  note(line: string): void;
  /** Draws the last state and releases the terminal. */
  stop(): void;
}

/** How often the plain (non-terminal) progress line is printed. */
const PLAIN_EVERY_MS = 1000;

/**
 * A progress display for `total` pairs: cli-progress's bar with rate and ETA on a terminal, else a
 * plain line a second (`revoke: 1200/10000 12% 48.0/s eta 3m03s failed 0`), which logs read well.
 */
export function createProgress(stream: ProgressStream, total: number): Progress {
  const note = (line: string) => stream.write(`${line}\n`);
  if (total === 0) return { tick: () => undefined, note, stop: () => undefined };
  const counts = { done: 0, failed: 0 };
  const startedAt = performance.now();
  const rate = () => counts.done / Math.max(0.001, (performance.now() - startedAt) / 1000);

  if (stream.isTTY) {
    // A MultiBar (of one bar) because it alone can print notices above the bar.
    const bars = new MultiBar(
      {
        stream: stream as NodeJS.WriteStream,
        format:
          'revoke {bar} {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted} | failed {failed}',
        hideCursor: true,
        etaBuffer: 200,
      },
      Presets.shades_classic,
    );
    const bar = bars.create(total, 0, { rate: '0.0', failed: 0 });
    return {
      tick(kind) {
        counts.done++;
        if (kind === 'failed') counts.failed++;
        bar.update(counts.done, { rate: rate().toFixed(1), failed: counts.failed });
      },
      note: (line) => bars.log(`${line}\n`),
      stop: () => bars.stop(),
    };
  }

  let printed = -1;
  const print = () => {
    if (counts.done === printed) return;
    printed = counts.done;
    stream.write(`${plainLine(counts.done, total, rate(), counts.failed)}\n`);
  };
  const timer = setInterval(print, PLAIN_EVERY_MS).unref();
  return {
    tick(kind) {
      counts.done++;
      if (kind === 'failed') counts.failed++;
    },
    note,
    stop() {
      clearInterval(timer);
      print();
    },
  };
}

/** One plain progress line. */
export function plainLine(done: number, total: number, perSecond: number, failed: number): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const eta = perSecond > 0 ? duration((total - done) / perSecond) : '?';
  return `revoke: ${done}/${total} ${percent}% ${perSecond.toFixed(1)}/s eta ${eta} failed ${failed}`;
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
