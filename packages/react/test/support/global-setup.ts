import { startProxy } from '@connected-apps/proxy';
import { startStack } from '@connected-apps/testkit';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator's base URL (its control API is under `/_emulator`). */
    emulatorUrl: string;
    /** Where the proxy serves its Stytch-shaped routes (its origin + `/api`). */
    proxyApiUrl: string;
  }
}

/**
 * One real emulator and one real proxy in front of it for the whole run, on 127.0.0.1. They run in
 * Vitest's main process (plain Node), the tests in jsdom workers talk to them over HTTP. Each test
 * creates its own user and apps, so tests never see each other's data. The proxy's upstream timeout
 * is the kit's 1500 ms: short, so the 504 test is quick, but well above the latency the pending-state
 * tests inject.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startStack({
    startProxy,
    // A fault answers at once; no upstream retries keeps "the emulator got exactly N requests" exact.
    env: { UPSTREAM_RETRIES: '0', LOG_LEVEL: 'silent' },
  });
  project.provide('emulatorUrl', stack.emulator.url);
  project.provide('proxyApiUrl', stack.apiUrl);
  return () => stack.stop();
}
