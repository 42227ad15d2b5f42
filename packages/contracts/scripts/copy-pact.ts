import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one copy in git: what the `connected-apps-react` consumer tests write (`pact/pacts/`). */
export const SOURCE_PACT = fileURLToPath(
  new URL('../../../pact/pacts/connected-apps-react-connected-apps-proxy.json', import.meta.url),
);

/** Where the package ships it (`files` includes `pact/`; the folder is git-ignored). */
export const PACKAGED_PACT = fileURLToPath(new URL(`../pact/${basename(SOURCE_PACT)}`, import.meta.url));

/**
 * Copies the pact into the package, as the build (and so `pnpm pack`) does. Written beside the target,
 * then renamed over it, so a test reading the packaged copy never sees half a file.
 */
export function copyPact(): void {
  mkdirSync(dirname(PACKAGED_PACT), { recursive: true });
  const partial = join(dirname(PACKAGED_PACT), `.${basename(PACKAGED_PACT)}.${process.pid}`);
  copyFileSync(SOURCE_PACT, partial);
  renameSync(partial, PACKAGED_PACT);
}

if (import.meta.main) copyPact();
