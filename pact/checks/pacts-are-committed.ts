import { runningInCI } from '../support/ci.ts';
import { PACTS_DIR } from '../support/pact-files.ts';
import { uncommittedChanges } from '../support/uncommitted-changes.ts';

// Runs after the contract tests (`pnpm run contract`). They have just rewritten `pacts/`; in CI that
// must leave the committed files unchanged, or the contract a broker would get, and the providers
// were verified against, is not the one in the repository. Locally a changed pact is work in progress.
if (runningInCI(process.env)) {
  const changed = uncommittedChanges(PACTS_DIR);
  if (changed.length > 0) {
    console.error(
      'pact files changed: commit them (run `pnpm --filter @connected-apps/pact contract`, then commit pact/pacts)',
    );
    for (const line of changed) console.error(`  ${line}`);
    process.exitCode = 1;
  } else {
    console.log('pact files: as committed');
  }
}
