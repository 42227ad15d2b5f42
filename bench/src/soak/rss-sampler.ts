import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/** One RSS reading of a process. */
export interface RssSample {
  /** Seconds since sampling started. */
  tS: number;
  rssMiB: number;
}

/** Resident set size of `pid` in MiB: /proc on Linux, `ps` elsewhere. */
export async function readRssMiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // No procfs (macOS): fall through to ps.
  }
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim()) / 1024;
}

/**
 * Samples a process's RSS every `intervalMs` until stopped.
 *
 * @example
 * const sampler = sampleRss(child.pid, 250);
 * // … load …
 * const samples = await sampler.stop();
 */
export function sampleRss(pid: number, intervalMs: number): { stop(): Promise<RssSample[]> } {
  const samples: RssSample[] = [];
  const started = performance.now();
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(async () => {
      const rssMiB = await readRssMiB(pid).catch(() => Number.NaN);
      if (Number.isFinite(rssMiB)) samples.push({ tS: (performance.now() - started) / 1000, rssMiB });
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      return samples;
    },
  };
}
