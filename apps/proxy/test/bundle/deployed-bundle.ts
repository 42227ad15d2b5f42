import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_INPUTS_PATH, BUNDLE_PATH, sha256 } from '../../scripts/bundle.ts';
import { type RunningNode, runNode } from '../helpers/run-node.ts';

export { BUNDLE_PATH };

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Throws unless the bundle exists and was built from the sources as they are now (the build records
 * each one's SHA-256): a test of an old bundle would pass for code that is no longer there.
 */
export async function assertBundleIsCurrent(): Promise<void> {
  const build = 'run `pnpm --filter @connected-apps/proxy build` (the turbo `test` task builds it first)';
  const recorded = await readFile(BUNDLE_INPUTS_PATH, 'utf8').catch(() => undefined);
  if (recorded === undefined || !existsSync(BUNDLE_PATH))
    throw new Error(`${BUNDLE_PATH} is missing: ${build}`);
  const changed: string[] = [];
  for (const [input, hash] of Object.entries(JSON.parse(recorded) as Record<string, string>)) {
    const now = await readFile(join(PACKAGE_DIR, input)).catch(() => undefined);
    if (now === undefined || sha256(now) !== hash) changed.push(input);
  }
  if (changed.length > 0) {
    throw new Error(`${BUNDLE_PATH} is older than ${changed.slice(0, 3).join(', ')}: ${build}`);
  }
}

/** A copy of the bundle alone in a new temp directory: no `node_modules`, no `package.json`. */
export interface DeployedBundle {
  dir: string;
  file: string;
  remove(): Promise<void>;
}

export async function deployBundle(): Promise<DeployedBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'connected-apps-proxy-bundle-'));
  const file = join(dir, 'connected-apps-proxy.mjs');
  await copyFile(BUNDLE_PATH, file);
  return { dir, file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The bundle running as `node connected-apps-proxy.mjs` in its directory. */
export type RunningBundle = RunningNode;

/**
 * Runs `node connected-apps-proxy.mjs` from the bundle's directory with only `env` and `PATH`.
 *
 * @example
 * const running = runBundle(deployed, proxyEnv(emulator, { PORT: '0' }));
 * const url = await running.listening();
 */
export function runBundle(deployed: DeployedBundle, env: Record<string, string>): RunningBundle {
  return runNode([deployed.file], { env, cwd: deployed.dir, name: 'the bundle' });
}
