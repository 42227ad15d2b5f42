import { startProxy } from '@connected-apps/proxy';
import { start } from '@connected-apps/stytch-emulator';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator's base URL (its control API is under `/_emulator`). */
    emulatorUrl: string;
    /** The proxy's origin; its Stytch-shaped routes are under `/api`. */
    proxyUrl: string;
  }
}

/**
 * One real emulator and one real proxy in front of it for the whole run, on 127.0.0.1. They run in
 * Vitest's main process (plain Node), the tests in jsdom workers talk to them over HTTP. Each test
 * creates its own user and apps, so tests never see each other's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await start({ port: 0 });
  const proxy = await startProxy({
    STYTCH_PROJECT_ID: emulator.projectId,
    STYTCH_SECRET: emulator.secret,
    STYTCH_BASE_URL: emulator.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    // A fault answers at once; no upstream retries keeps "the emulator got exactly N requests" exact.
    UPSTREAM_RETRIES: '0',
    // Short, so the 504 test is quick, but well above the latency the pending-state tests inject.
    UPSTREAM_TIMEOUT_MS: '1500',
  });
  project.provide('emulatorUrl', emulator.url);
  project.provide('proxyUrl', proxy.url);
  return async () => {
    await proxy.stop();
    await emulator.stop();
  };
}
