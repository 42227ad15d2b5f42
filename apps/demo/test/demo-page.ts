import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { journalPage, launchChromium, type PageJournal } from '@connected-apps/testkit';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type DemoStack, startDemoStack } from '../src/stack.ts';
import { installAxe } from './page-checks.ts';

/**
 * Where the end-to-end tests' pictures land: `pnpm run screenshots` points this at docs/ui, where the
 * README's pictures live; a plain run keeps them in the git-ignored screenshots/.
 */
export const SCREENSHOTS = resolve(import.meta.dirname, '..', process.env.SCREENSHOTS_DIR ?? 'screenshots');

/** The demo's stack, Chromium, and the one page the tests drive. */
export interface DemoPage {
  stack: DemoStack;
  browser: BrowserContext;
  page: Page;
  /** What the page did: `journal.explainFailure(wait)` makes a timed-out wait say why. */
  journal: PageJournal;
  /** Closes Chromium, then stops the stack. */
  close(): Promise<void>;
}

/**
 * The real stack (emulator + proxy + Vite, quiet logs) and a fresh Chromium page with axe-core in
 * every document it loads: what each end-to-end file starts in its `beforeAll`.
 */
export async function openDemoPage(): Promise<DemoPage> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const stack = await startDemoStack({ port: 0, proxyLogLevel: 'silent', viteLogLevel: 'warn' });
  try {
    const browser = await launchChromium(chromium, { viewport: { width: 960, height: 900 } });
    const page = await browser.context.newPage();
    const journal = journalPage(page);
    await installAxe(page);
    return {
      stack,
      browser: browser.context,
      page,
      journal,
      close: async () => {
        await browser.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
