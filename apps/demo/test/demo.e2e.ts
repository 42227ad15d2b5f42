import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import {
  countRequests,
  injectListFault,
  injectRevokeFault,
  proxyListPath,
  proxyRevokePath,
  stytchListPath,
} from '@connected-apps/testkit';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '../src/stack.ts';
import { APP } from './demo-apps.ts';
import { type DemoPage, openDemoPage, SCREENSHOTS } from './demo-page.ts';
import { pageChecks } from './page-checks.ts';

let demo: DemoPage;
let stack: DemoStack;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  demo = await openDemoPage();
  ({ stack, browser, page } = demo);
});

afterAll(() => demo?.close());

const manager = () => page.locator('section.ca-manager');
const appRows = () => page.getByRole('list', { name: 'Your apps' }).locator(':scope > li');
const checks = pageChecks(() => page, SCREENSHOTS);
const { appRow, expectRevokedAndAnnounced, focused, expectNoAxeViolations, tabTo } = checks;
const captureState = (state: string, part: Locator = manager()) => checks.captureState(state, part);
/** Holds the page's next request to this proxy path (see `pageChecks`). */
const holdRequest = (path: string) => checks.holdRequest(`${stack.demoUrl}${path}`);

async function openSignedIn(): Promise<void> {
  await page.goto(stack.signInUrl);
  await demo.journal.explainFailure(() => page.getByRole('heading', { name: /^Your apps/ }).waitFor());
}

describe('the demo page, in Chromium', () => {
  it('loads with a skeleton that stands still for reduced motion, then lists the apps in words', async () => {
    await stack.control.clearRequests();
    // The page's list request waits in the browser until the loading state has been checked.
    const release = await holdRequest(proxyListPath(stack.demoUserId));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openSignedIn();
    const skeletonRow = manager().locator('.ca-skeleton-row').first();
    await page.getByRole('status').filter({ hasText: 'Loading your connected apps…' }).waitFor();
    expect(await skeletonRow.evaluate((row) => getComputedStyle(row).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await skeletonRow.evaluate((row) => getComputedStyle(row).animationName)).toBe('ca-pulse');
    await captureState('loading');
    release();

    await expect.poll(() => appRows().count()).toBe(4);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await appRow('Calendar Sync').getByRole('listitem').allTextContents()).toEqual([
      'Confirm who you are',
      'See your email address',
      'See your name and profile picture',
      'Stay connected when you are not using it',
    ]);
    expect(await appRow('Deploy Bot').getByRole('listitem').allTextContents()).toEqual([
      'Confirm who you are',
      'See your projects',
      'Ship releases to your environments',
    ]);
    expect(await appRow('Pocket Notes').getByText('First-party · public client').count()).toBe(1);
    // The app without a logo shows its initials.
    expect(await appRow('Insights Dashboard').locator('.ca-logo-initials').textContent()).toBe('ID');
    // The page runs in StrictMode: still exactly one list request reached Stytch.
    expect(await countRequests(stack.control, 'GET', stytchListPath(stack.demoUserId))).toBe(1);
    await captureState('list');
    // The page's dark theme, set through the component's custom properties, passes too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations('dark list');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('revokes with the keyboard alone: confirmation, Escape, pending, success; the tokens are revoked at Stytch', async () => {
    await openSignedIn();
    await tabTo('Revoke Deploy Bot');
    await page.keyboard.press('Enter');
    const confirmation = appRow('Deploy Bot').getByRole('group', { name: "Remove Deploy Bot's access?" });
    await confirmation.waitFor();
    expect(await focused()).toBe('BUTTON Cancel');
    await captureState('confirm', appRow('Deploy Bot'));
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    expect(await focused()).toBe('BUTTON Revoke Deploy Bot');

    const release = await holdRequest(proxyRevokePath(stack.demoUserId, APP.deployBot));
    await page.keyboard.press('Enter');
    await confirmation.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('BUTTON Revoke access');
    await page.keyboard.press('Enter');
    const pending = confirmation.getByRole('button', { name: 'Revoking…' });
    await pending.waitFor();
    expect(await pending.getAttribute('aria-disabled')).toBe('true');
    expect(await focused()).toBe('BUTTON Revoking…'); // still where the user left it
    expect(await appRow('Deploy Bot').getAttribute('aria-busy')).toBe('true');
    await captureState('pending', appRow('Deploy Bot'));
    release();

    await expectRevokedAndAnnounced('Deploy Bot', 'H2 Your apps (3)');
    await captureState('success');

    const tokens = await stack.control.getTokens(stack.demoUserId, APP.deployBot);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked && token.revoked_at)).toBe(true);
    // Still gone after a reload: the revoke happened at Stytch, not only on the page.
    await page.reload();
    await expect.poll(() => appRows().count()).toBe(3);
    expect(await appRow('Deploy Bot').count()).toBe(0);
  });

  it('shows a failed revoke with its request id, and Try again revokes once Stytch recovers', async () => {
    // More failures than the proxy's and the browser client's retries together.
    await injectRevokeFault(stack.control, stack.demoUserId, APP.calendarSync, { status: 500, times: 50 });
    await openSignedIn();
    await tabTo('Revoke Calendar Sync');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');

    const alert = appRow('Calendar Sync').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Could not revoke Calendar Sync');
    expect(await alert.locator('.ca-request-id').textContent()).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
    expect(await alert.textContent()).toContain('HTTP 500 · internal_server_error');
    expect(await focused()).toBe('BUTTON Try again');
    expect((await stack.control.getTokens(stack.demoUserId, APP.calendarSync)).grant_active).toBe(true);
    await captureState('revoke-error', appRow('Calendar Sync'));

    await stack.control.clearFaults();
    await page.keyboard.press('Enter');
    await appRow('Calendar Sync').waitFor({ state: 'detached' });
    expect((await stack.control.getTokens(stack.demoUserId, APP.calendarSync)).grant_active).toBe(false);
  });

  it('stays signed in on the opaque session once the short-lived JWT cookie is gone', async () => {
    await openSignedIn();
    const cookies = await browser.cookies();
    const now = Date.now() / 1000;
    const jwtCookie = cookies.find((cookie) => cookie.name === 'stytch_session_jwt');
    const tokenCookie = cookies.find((cookie) => cookie.name === 'stytch_session');
    expect(jwtCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(tokenCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The JWT cookie dies with the JWT (5 minutes); the session cookie lasts the session.
    expect(jwtCookie!.expires - now).toBeLessThanOrEqual(301);
    expect(tokenCookie!.expires - now).toBeGreaterThan(3600);

    await browser.clearCookies({ name: 'stytch_session_jwt' });
    await stack.control.clearRequests();
    await page.reload();
    await expect.poll(() => appRows().count()).toBe(2);
    const { method, template } = STYTCH_ROUTES.sessionsAuthenticate;
    expect(await countRequests(stack.control, method, template)).toBeGreaterThan(0);
  });

  it('shows the list failing with its request id, and loads it on Try again', async () => {
    await injectListFault(stack.control, stack.demoUserId, { status: 500, times: 50 });
    await openSignedIn();
    const alert = manager().getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Could not load your connected apps');
    expect(await alert.locator('.ca-request-id').textContent()).toMatch(/^request-id-test-/);
    await captureState('list-error');

    await stack.control.clearFaults();
    await tabTo('Try again');
    await page.keyboard.press('Enter');
    await expect.poll(() => appRows().count()).toBe(2);
  });

  it('revokes all with the keyboard alone: confirmation, partial failure named, Try again, empty state', async () => {
    // More failures than the proxy's retries: Pocket Notes fails for good on the first revoke-all.
    await injectRevokeFault(stack.control, stack.demoUserId, APP.pocketNotes, { status: 500, times: 50 });
    await openSignedIn();
    await expect.poll(() => appRows().count()).toBe(2);
    await tabTo('Revoke all');
    await page.keyboard.press('Enter');
    // Named by what is left to revoke: after the partial failure, the one app that remains.
    const confirmation = manager().getByRole('group', { name: /^Remove access for/ });
    await confirmation.waitFor();
    expect(await confirmation.locator('legend').textContent()).toBe('Remove access for 2 apps?');
    expect(await confirmation.textContent()).toContain('Every app listed here will be signed out right away');
    expect(await focused()).toBe('BUTTON Cancel');
    await captureState('revoke-all-confirm');
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    expect(await focused()).toBe('BUTTON Revoke all');

    await page.keyboard.press('Enter');
    await confirmation.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('BUTTON Revoke all access');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: '1 app revoked; 1 could not be revoked.' })
      .waitFor({ timeout: 30_000 });
    await appRow('Insights Dashboard').waitFor({ state: 'detached' });
    expect(await appRow('Pocket Notes').count()).toBe(1);
    expect(await confirmation.locator('legend').textContent()).toBe('Remove access for 1 app?');
    const failure = confirmation.locator('.ca-notice');
    expect(await failure.textContent()).toContain('Could not revoke Pocket Notes');
    expect(await failure.textContent()).toContain('HTTP 500 · internal_server_error');
    expect(await failure.locator('.ca-request-id').textContent()).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
    expect(await focused()).toBe('BUTTON Try again'); // the confirm button, where the user left it
    await captureState('revoke-all-partial');
    expect((await stack.control.getTokens(stack.demoUserId, APP.insights)).grant_active).toBe(false);
    expect((await stack.control.getTokens(stack.demoUserId, APP.pocketNotes)).grant_active).toBe(true);

    await stack.control.clearFaults();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: '1 app no longer has access to your account.' })
      .waitFor();
    await manager().getByText('No connected apps').waitFor();
    expect(await manager().getByRole('button', { name: 'Revoke all' }).count()).toBe(0);
    await expect.poll(focused).toBe('H2 Your apps (0)');
    expect((await stack.control.getTokens(stack.demoUserId, APP.pocketNotes)).grant_active).toBe(false);
    await captureState('empty');
  });
});
