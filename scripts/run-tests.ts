/**
 * The repo's test command: runs every turbo task that checks the code, then sums the Vitest JSON
 * reports of every workspace into one closing line, `N passed, M failed, K skipped`.
 * Reports are deleted first, so a line never counts a stale run: turbo restores cached ones.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TASKS = ['lint', 'typecheck', 'typecheck:root', 'test', 'contract', 'e2e'];
const root = join(import.meta.dirname, '..');
const workspaceDirs = ['packages', 'apps', 'examples'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, group, entry.name)),
);
workspaceDirs.push(join(root, 'pact'), join(root, 'bench'));

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; name: string; message?: string; assertionResults: { status: string }[] }[];
}

function reportFiles(): string[] {
  return workspaceDirs.flatMap((dir) => {
    const folder = join(dir, '.test-results');
    try {
      return readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => join(folder, name));
    } catch {
      return [];
    }
  });
}

for (const dir of workspaceDirs) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

// Five tasks at a time on two cores: most tasks wait on sockets, child processes, databases and
// browsers more than they compute, and five keep both cores busy (TEST_CONCURRENCY overrides it).
const turbo = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    ...TASKS,
    '--continue',
    `--concurrency=${process.env.TEST_CONCURRENCY ?? 5}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: '1',
      // Node's on-disk compile cache, shared by every process of the run: the suite starts hundreds
      // of Node processes (Vitest workers, the CLIs and servers the tests spawn from TypeScript
      // source, attw) that load the same modules; cached, a TypeScript entry starts in half the CPU.
      // Inside the clone, so a fresh clone starts cold. Keyed by each file's content.
      NODE_COMPILE_CACHE:
        process.env.NODE_COMPILE_CACHE ?? join(root, 'node_modules', '.cache', 'node-compile-cache'),
    },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reportFiles()) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  // Workspaces may keep other figures beside their reports (the reliability suite does).
  if (!Array.isArray(report.testResults)) continue;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no failed tests of its own: count it, or it would go unseen.
  for (const suite of report.testResults) {
    if (suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed'))
      failed += 1;
  }
}

if (turbo.status !== 0 && failed === 0) {
  console.error(
    '\nA task failed outside the tests (lint, typecheck, build or packaging): see its output above.',
  );
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status !== 0 || failed > 0 ? 1 : 0);
