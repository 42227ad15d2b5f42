import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { countRequests, PROXY_BASE_PATH } from '@connected-apps/testkit';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMember, DemoStack } from '../src/stack.ts';
import { APP } from './demo-apps.ts';
import { type DemoPage, openDemoPage, SCREENSHOTS } from './demo-page.ts';
import { pageChecks } from './page-checks.ts';

// B2B mode in real Chromium against the real stack, seeded from the emulator's B2B demo fixture (Acme
// Corp: Avery Admin, an admin; Morgan Member and Riley Ops). The tests run in order on one stack: each
// picks up the grants the one before left.
let demo: DemoPage;
let stack: DemoStack;
let page: Page;
let organization_id: string;
let avery: DemoMember;
let morgan: DemoMember;
let riley: DemoMember;

beforeAll(async () => {
  demo = await openDemoPage();
  ({ stack, page } = demo);
  organization_id = stack.b2b.organization.organization_id;
  const named = (external_id: string) =>
    stack.b2b.members.find((member) => member.external_id === external_id)!;
  [avery, morgan, riley] = [named('avery-admin'), named('morgan-member'), named('riley-ops')];
});

afterAll(() => demo?.close());

const section = () => page.locator('section.ca-manager');
const appRows = () => section().getByRole('list').first().locator(':scope > li');
const checks = pageChecks(() => page, SCREENSHOTS);
const { appRow, expectRevokedAndAnnounced, focused, expectNoAxeViolations, tabTo } = checks;
const captureState = (state: string, part: Locator = section()) => checks.captureState(state, part);

/** The member's revoke as Stytch receives it, and as the page sends it to the proxy. */
const revokePath = (member: DemoMember, connected_app_id: string) =>
  stytchPath(STYTCH_ROUTES.b2bMembersRevoke.template, {
    organization_id,
    member_id: member.member_id,
    connected_app_id,
  });
const grantActive = async (member: DemoMember, connected_app_id: string) =>
  (await stack.control.getMemberTokens(organization_id, member.member_id, connected_app_id)).grant_active;

async function signIn(member: DemoMember, page_: 'member' | 'admin'): Promise<void> {
  await page.goto(stack.b2b.signInUrl(member.external_id, page_));
  await demo.journal.explainFailure(() => section().getByRole('heading', { level: 2 }).waitFor());
}

describe('B2B mode, in Chromium', () => {
  it('a member sees their own apps and revokes one with the keyboard; the grant and its tokens are gone at Stytch', async () => {
    await signIn(morgan, 'member');
    expect(new URL(page.url()).pathname).toBe('/b2b');
    await expect.poll(() => appRows().count()).toBe(3);
    expect(await page.getByText('Signed in as Morgan Member of Acme Corp').count()).toBe(1);
    expect(await appRow('Deploy Bot').getByRole('listitem').allTextContents()).toEqual([
      'Confirm who you are',
      'See your projects',
      'Ship releases to your environments',
    ]);
    expect(await appRow('Pocket Notes').getByText('First-party · public client').count()).toBe(1);
    await captureState('b2b-member');

    const release = await checks.holdRequest(
      `${stack.demoUrl}${PROXY_BASE_PATH}${revokePath(morgan, APP.pocketNotes)}`,
    );
    await tabTo('Revoke Pocket Notes');
    await page.keyboard.press('Enter');
    const pending = appRow('Pocket Notes').getByRole('button', { name: 'Revoking…' });
    await pending.waitFor();
    expect(await pending.getAttribute('aria-disabled')).toBe('true');
    expect(await focused()).toBe('BUTTON Revoking…');
    expect(await appRow('Pocket Notes').getAttribute('aria-busy')).toBe('true');
    release();

    await expectRevokedAndAnnounced('Pocket Notes', 'H2 Your apps (2)');
    await expectNoAxeViolations('b2b member after a revoke');
    const tokens = await stack.control.getMemberTokens(organization_id, morgan.member_id, APP.pocketNotes);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked && token.revoked_at)).toBe(true);
    expect(await countRequests(stack.control, 'POST', revokePath(morgan, APP.pocketNotes))).toBe(1);

    await page.reload();
    await expect.poll(() => appRows().count()).toBe(2);
    expect(await appRow('Pocket Notes').count()).toBe(0);
  });

  it('a member without the admin role gets the organization’s page refused (403 shown), and nothing reaches Stytch', async () => {
    await stack.control.clearRequests();
    await signIn(morgan, 'admin');
    const alert = section().getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain(
      'Only your organization’s admins can see and revoke its members’ apps',
    );
    expect(await alert.textContent()).toContain('HTTP 403 · member_forbidden');
    expect(await alert.locator('.ca-request-id').textContent()).toMatch(/\S/);
    // No list, so nothing to revoke.
    expect(
      await section()
        .getByRole('button', { name: /Revoke/ })
        .count(),
    ).toBe(0);
    const organizationApps = stytchPath(STYTCH_ROUTES.b2bOrganizationConnectedApps.template, {
      organization_id,
    });
    expect(await countRequests(stack.control, 'GET', organizationApps)).toBe(0);
    await captureState('b2b-forbidden');
  });

  it('an admin sees the organization’s apps and who granted them, and revokes another member’s grant; the last grant takes the app off the list', async () => {
    await signIn(avery, 'admin');
    expect(new URL(page.url()).pathname).toBe('/b2b/admin');
    // Pocket Notes left with Morgan's revoke above: nobody in Acme has it any more.
    await expect.poll(() => appRows().count()).toBe(3);
    expect(await appRow('Pocket Notes').count()).toBe(0);
    const calendarMembers = appRow('Calendar Sync').getByRole('list', {
      name: 'Members who granted Calendar Sync',
    });
    await calendarMembers.waitFor();
    expect((await calendarMembers.locator(':scope > li .b2b-member-name').allTextContents()).sort()).toEqual([
      'Avery Admin',
      'Morgan Member',
    ]);
    const deployMembers = appRow('Deploy Bot').getByRole('list', { name: 'Members who granted Deploy Bot' });
    await deployMembers.locator(':scope > li').nth(1).waitFor();
    expect(await appRow('Deploy Bot').getByText('Granted by 2 members').count()).toBe(1);
    expect(
      await page
        .getByRole('list', { name: 'Permissions Riley Ops granted' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['Confirm who you are', 'See your projects']);
    await captureState('b2b-admin');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations('b2b admin, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await tabTo('Revoke Deploy Bot for Morgan Member');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Deploy Bot no longer has access to Morgan Member’s account.' })
      .waitFor();
    expect(await deployMembers.locator(':scope > li').count()).toBe(1);
    expect(await appRow('Deploy Bot').getByText('Granted by 1 member').count()).toBe(1);
    expect(await grantActive(morgan, APP.deployBot)).toBe(false);
    expect(await grantActive(riley, APP.deployBot)).toBe(true);
    await expectNoAxeViolations('b2b admin after a revoke');

    // Riley's was the last grant of Deploy Bot: the app leaves the organization's list.
    await tabTo('Revoke Deploy Bot for Riley Ops');
    await page.keyboard.press('Enter');
    await appRow('Deploy Bot').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('H2 Your organization’s apps (2)');
    expect(await grantActive(riley, APP.deployBot)).toBe(false);

    await page.reload();
    await expect.poll(() => appRows().count()).toBe(2);
    expect(await appRow('Deploy Bot').count()).toBe(0);
  });

  it('an admin’s failed revoke shows its request id, and Try again revokes once Stytch recovers', async () => {
    // More failures than the proxy's and the browser client's retries together.
    await stack.control.injectFault({
      method: 'POST',
      path: revokePath(avery, APP.insights),
      status: 500,
      times: 50,
    });
    await signIn(avery, 'admin');
    await tabTo('Revoke Insights Dashboard for Avery Admin');
    await page.keyboard.press('Enter');

    const grant = page
      .getByRole('listitem', { name: 'Avery Admin' })
      .filter({ has: page.getByRole('alert') });
    const alert = grant.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Could not revoke Insights Dashboard for Avery Admin');
    expect(await alert.textContent()).toContain('HTTP 500 · internal_server_error');
    expect(await alert.locator('.ca-request-id').textContent()).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
    expect(await focused()).toBe('BUTTON Try again: revoke Insights Dashboard for Avery Admin');
    expect(await grantActive(avery, APP.insights)).toBe(true);
    await captureState('b2b-revoke-error', appRow('Insights Dashboard'));

    await stack.control.clearFaults();
    await page.keyboard.press('Enter');
    await appRow('Insights Dashboard').waitFor({ state: 'detached' });
    expect(await grantActive(avery, APP.insights)).toBe(false);
  });
});
