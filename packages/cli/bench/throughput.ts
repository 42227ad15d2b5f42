/**
 * Revokes per second of the CLI against the emulator at the default concurrency, the rate limit
 * lifted (`--rate 100000`) so the client and the emulator set the pace, not the limiter. Each round
 * spawns the CLI on a fresh set of grants and reads the run's own duration from its `--json` summary
 * (process start-up left out). Prints one line per round and the median.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '@connected-apps/stytch-emulator';
import { DEFAULTS } from '../src/args/options.ts';
import type { RevokeSummary } from '../src/output/summary.ts';
import { runCli } from '../test/support/cli-process.ts';
import { APP_ID, oneAppGrantedBy } from '../test/support/grants.ts';

const GRANTS = 4000;
const ROUNDS = 3;

const emulator = await start({ port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'connected-apps-bench-'));
const env = {
  STYTCH_PROJECT_ID: emulator.projectId,
  STYTCH_SECRET: emulator.secret,
  STYTCH_BASE_URL: emulator.url,
};
const rates: number[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const { fixtures, userIds } = oneAppGrantedBy(GRANTS);
    await emulator.control.reset(fixtures);
    writeFileSync(join(dir, 'users.txt'), `${userIds.join('\n')}\n`);
    const journal = join(dir, `round-${round}.jsonl`);
    const args = [
      'revoke',
      '--app',
      APP_ID,
      '--users',
      'users.txt',
      '--rate',
      '100000',
      '--journal',
      journal,
    ];
    const result = await runCli([...args, '--json'], env, dir, 120_000);
    const summary = JSON.parse(result.stdout) as RevokeSummary;
    if (result.code !== 0 || summary.revoked !== GRANTS)
      throw new Error(`round ${round} failed: ${result.stderr}`);
    const perSecond = summary.this_run.revoked / (summary.this_run.duration_ms / 1000);
    rates.push(perSecond);
    console.log(
      `round ${round}: ${GRANTS} revokes in ${summary.this_run.duration_ms} ms = ${perSecond.toFixed(0)} revokes/s`,
    );
  }
} finally {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number;
console.log(
  `cli throughput: ${median.toFixed(0)} revokes/s (median of ${ROUNDS}, concurrency ${DEFAULTS.concurrency}, emulator on 127.0.0.1)`,
);
