import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import { countRequests, injectRevokeFault, stytchListPath } from '@connected-apps/testkit';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../src/stack.ts';
import { launchChromium } from './browser.ts';

const screenshots = join(import.meta.dirname, '..', 'screenshots');

let stack: DemoStack;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  stack = await startDemoStack({ port: 0, proxyLogLevel: 'silent', viteLogLevel: 'warn' });
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The list's app rows (each has a heading; its scope chips are list items too, without one). */
const appRows = () =>
  page
    .getByRole('list', { name: 'Connected apps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
const appRow = (name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });

async function openSignedIn(): Promise<void> {
  await page.goto(stack.signInUrl);
  await page.getByRole('list', { name: 'Connected apps' }).waitFor();
}

describe('the demo page, in Chromium', () => {
  it('revokes an app: it leaves the list and its tokens are revoked at Stytch', async () => {
    await stack.control.clearRequests();
    await openSignedIn();
    expect(new URL(page.url()).pathname).toBe('/');
    const rows = appRows();
    await expect.poll(() => rows.count()).toBe(4);
    await expect
      .poll(() => appRow('Calendar Sync').getByRole('listitem').allTextContents())
      .toEqual(['openid', 'email', 'profile', 'offline_access']);
    // The app without a logo shows its initials.
    expect(await appRow('Insights Dashboard').locator('.logo-initials').textContent()).toBe('ID');
    await page.screenshot({ path: join(screenshots, 'apps-list.png'), fullPage: true });
    // The page runs in StrictMode: still exactly one list request reached Stytch.
    expect(await countRequests(stack.control, 'GET', stytchListPath(stack.demoUserId))).toBe(1);

    // Keyboard only: open the confirmation, back out with Escape, open it again and confirm.
    const revoke = page.getByRole('button', { name: 'Revoke Deploy Bot' });
    await revoke.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Confirm revoking Deploy Bot' });
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await revoke.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Revoke Deploy Bot');
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.screenshot({ path: join(screenshots, 'confirm.png'), fullPage: true });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');

    await appRow('Deploy Bot').waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByRole('status').filter({ hasText: 'Deploy Bot no longer has access' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'after-revoke.png'), fullPage: true });

    const deployBot = 'connected-app-test-2d1f8e3b-4c5a-4b6d-9e7f-8091a2b3c4d5';
    const tokens = await stack.control.getTokens(stack.demoUserId, deployBot);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked && token.revoked_at)).toBe(true);
    // Still there after a reload: the revoke happened at Stytch, not only on the page.
    await page.reload();
    await page.getByRole('list', { name: 'Connected apps' }).waitFor();
    expect(await appRow('Deploy Bot').count()).toBe(0);
  });

  it('stays signed in on the opaque session once the short-lived JWT cookie is gone', async () => {
    await openSignedIn();
    const cookies = await browser.context.cookies();
    const now = Date.now() / 1000;
    const jwtCookie = cookies.find((cookie) => cookie.name === 'stytch_session_jwt');
    const tokenCookie = cookies.find((cookie) => cookie.name === 'stytch_session');
    expect(jwtCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(tokenCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The JWT cookie dies with the JWT (5 minutes); the session cookie lasts the session.
    expect(jwtCookie!.expires - now).toBeLessThanOrEqual(301);
    expect(tokenCookie!.expires - now).toBeGreaterThan(3600);

    await browser.context.clearCookies({ name: 'stytch_session_jwt' });
    await stack.control.clearRequests();
    await page.reload();
    await page.getByRole('list', { name: 'Connected apps' }).waitFor();
    const { method, template } = STYTCH_ROUTES.sessionsAuthenticate;
    expect(await countRequests(stack.control, method, template)).toBeGreaterThan(0);
  });

  it('shows the error with its request id when Stytch keeps failing', async () => {
    const calendarSync = 'connected-app-test-1c0e7d2a-3b4f-4a5c-8d6e-7f8091a2b3c4';
    // More failures than the proxy's and the browser client's retries together.
    await injectRevokeFault(stack.control, stack.demoUserId, calendarSync, { status: 500, times: 50 });
    try {
      await openSignedIn();
      await page.getByRole('button', { name: 'Revoke Calendar Sync' }).click();
      await page.getByRole('button', { name: 'Revoke access' }).click();

      const alert = appRow('Calendar Sync').getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('Could not revoke Calendar Sync');
      const requestId = await alert.locator('.request-id').textContent();
      expect(requestId).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
      expect(await alert.textContent()).toContain('HTTP 500');
      await page.screenshot({ path: join(screenshots, 'revoke-error.png'), fullPage: true });

      expect((await stack.control.getTokens(stack.demoUserId, calendarSync)).grant_active).toBe(true);
    } finally {
      await stack.control.clearFaults();
    }
  });

  it('shows the empty state once every app is revoked', async () => {
    await openSignedIn();
    const rows = appRows();
    // A slow revoke first, to see the pending state.
    const pocketNotes = 'connected-app-test-3e2a9f4c-5d6b-4c7e-8f80-91a2b3c4d5e6';
    await injectRevokeFault(stack.control, stack.demoUserId, pocketNotes, { latency_ms: 1500 });
    await page.getByRole('button', { name: 'Revoke Pocket Notes' }).click();
    await page.getByRole('button', { name: 'Revoke access' }).click();
    const pending = appRow('Pocket Notes').getByRole('button', { name: 'Revoking…' });
    await pending.waitFor();
    expect(await pending.isDisabled()).toBe(true);
    expect(await appRow('Pocket Notes').getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(screenshots, 'revoke-pending.png'), fullPage: true });
    await appRow('Pocket Notes').waitFor({ state: 'detached' });

    while ((await rows.count()) > 0) {
      const name = await rows.first().getByRole('heading').textContent();
      await page.getByRole('button', { name: `Revoke ${name}` }).click();
      await page.getByRole('button', { name: 'Revoke access' }).click();
      await appRow(name ?? '').waitFor({ state: 'detached' });
    }
    await page.getByText('No connected apps').waitFor();
    await page.screenshot({ path: join(screenshots, 'empty.png'), fullPage: true });
  });
});
