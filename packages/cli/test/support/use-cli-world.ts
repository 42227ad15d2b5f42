import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, type StartOptions, start } from '@connected-apps/stytch-emulator';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { StytchEnv } from './cli-process.ts';

/** What a CLI test works with: a real emulator and a fresh working folder per test. */
export interface CliWorld {
  emulator(): Emulator;
  /** The environment pointing the CLI at the emulator. */
  env(): StytchEnv;
  /** This test's working folder (journals land here). */
  cwd(): string;
  /** Writes a file in the working folder and returns its name. */
  file(name: string, text: string): string;
}

/**
 * One emulator per test file (reset before each test) and a temporary working folder per test,
 * removed after it.
 */
export function useCliWorld(options: StartOptions = {}): CliWorld {
  let emulator: Emulator | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    emulator = await start({ port: 0, ...options });
  });
  afterAll(() => emulator?.stop());
  beforeEach(async () => {
    await emulator?.control.reset();
    dir = mkdtempSync(join(tmpdir(), 'connected-apps-cli-'));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const running = () => emulator ?? fail('emulator');
  const cwd = () => dir ?? fail('working folder');
  return {
    emulator: running,
    env: () => ({
      STYTCH_PROJECT_ID: running().projectId,
      STYTCH_SECRET: running().secret,
      STYTCH_BASE_URL: running().url,
    }),
    cwd,
    file(name, text) {
      writeFileSync(join(cwd(), name), text);
      return name;
    },
  };
}

function fail(what: string): never {
  throw new Error(`the ${what} is used outside a test of the file that set it up`);
}
