import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core in every document the page loads, injected once per load: a run then takes a fraction of
 * a second (AxeBuilder injects it again and opens a blank page to finish each run, ~1 s apiece).
 */
export async function installAxe(page: Page): Promise<void> {
  await page.addInitScript({
    content: await readFile(createRequire(import.meta.url).resolve('axe-core'), 'utf8'),
  });
}

/**
 * What the end-to-end tests check on a page, shared by the consumer and the B2B pages: `page()` is
 * read at each call (the page is made in `beforeAll`); pictures land in `screenshots`.
 */
export function pageChecks(page: () => Page, screenshots: string) {
  /** The focused element as `TAG name`: its `aria-label`, else its text. */
  const focused = () =>
    page().evaluate(() => {
      const element = document.activeElement;
      return `${element?.tagName} ${element?.getAttribute('aria-label') ?? element?.textContent}`;
    });

  /** axe-core on the whole page, every rule it runs by default (WCAG A/AA and best practices). */
  async function expectNoAxeViolations(state: string): Promise<void> {
    const { violations } = await page().evaluate(async () => {
      // What the user looks at once a transition has played (the confirmation fades in): endless
      // animations (skeleton, spinner) move no text, so they are not waited for.
      const finite = document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
      await Promise.all(finite.map((animation) => animation.finished.catch(() => {})));
      return (globalThis as unknown as { axe: typeof Axe }).axe.run(document, {
        resultTypes: ['violations'],
      });
    });
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' | ')}`);
    expect(found, `axe violations in the ${state} state`).toEqual([]);
  }

  /**
   * The page in this state, checked by axe; then `part` (the component, or the row the state is
   * about) pictured, animations stopped so the pictures are stable.
   */
  async function captureState(state: string, part: Locator): Promise<void> {
    await expectNoAxeViolations(state);
    await part.screenshot({ path: join(screenshots, `${state}.png`), animations: 'disabled', caret: 'hide' });
  }

  /** Presses Tab until `name` has focus: how a keyboard user gets there (bounded, so a trap fails the test). */
  async function tabTo(name: string): Promise<void> {
    for (let presses = 0; presses < 40; presses++) {
      if ((await focused()) === `BUTTON ${name}`) return;
      await page().keyboard.press('Tab');
    }
    throw new Error(`Tab never reached "${name}"; focus is on ${await focused()}`);
  }

  /**
   * Holds the page's next request to this URL in the browser until the returned function is called;
   * then it goes on to the real proxy as it is. A state that lasts while a request is in flight can
   * then be checked for as long as it takes, without a fixed delay.
   */
  async function holdRequest(url: string): Promise<() => void> {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page().route(
      url,
      async (route) => {
        await released;
        await route.continue();
      },
      { times: 1 },
    );
    return release;
  }

  /** An app's row, by the name it is labelled with. */
  const appRow = (name: string) => page().getByRole('listitem', { name, exact: true });

  /**
   * After a revoke from a row: the row gone, the live region saying `name` has no more access to
   * the account, and focus on the list's heading (`heading` as {@link focused} gives it).
   */
  async function expectRevokedAndAnnounced(name: string, heading: string): Promise<void> {
    await appRow(name).waitFor({ state: 'detached' });
    await page()
      .getByRole('status')
      .filter({ hasText: `${name} no longer has access to your account.` })
      .waitFor();
    await expect.poll(focused).toBe(heading);
  }

  return {
    focused,
    expectNoAxeViolations,
    captureState,
    tabTo,
    holdRequest,
    appRow,
    expectRevokedAndAnnounced,
  };
}
