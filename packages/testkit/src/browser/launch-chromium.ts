import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What {@link launchChromium} asks of Chromium's launcher (playwright-core's `chromium` has it). */
export interface PersistentChromium<Context extends { close(): Promise<void> }> {
  launchPersistentContext(
    userDataDir: string,
    options: {
      executablePath: string;
      headless: boolean;
      args: string[];
      viewport?: { width: number; height: number };
    },
  ): Promise<Context>;
}

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** The page's size. @default Playwright's (1280 × 720) */
  viewport?: { width: number; height: number };
}

/**
 * A headless Chromium (Debian's, or `CHROMIUM_PATH`) with a fresh profile in a temp dir, and how to
 * close it (the profile goes too). `chromium` is playwright-core's, passed in so the kit does not
 * depend on it.
 *
 * @example
 * import { chromium } from 'playwright-core';
 * const browser = await launchChromium(chromium);
 * const page = await browser.context.newPage();
 * await browser.close();
 */
export async function launchChromium<Context extends { close(): Promise<void> }>(
  chromium: PersistentChromium<Context>,
  options: LaunchChromiumOptions = {},
): Promise<{ context: Context; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'connected-apps-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...(options.viewport && { viewport: options.viewport }),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
