import type { ConnectedAppsClient } from '@connected-apps/core';
import { countRequests, injectListFault, injectRevokeFault, stytchListPath } from '@connected-apps/testkit';
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectedAppsProvider } from '../../src/index.ts';
import { ConnectedAppsManager, type ConnectedAppsManagerProps } from '../../src/ui/index.ts';
import { hueOf, initialsOf } from '../../src/ui/initials.ts';
import { control } from '../support/stack.ts';
import { LOGO, seedApps } from './seed-apps.ts';

afterEach(cleanup);

/** The manager under a provider, in StrictMode (mount, unmount, mount: it must still send one list request). */
function renderManager(client: ConnectedAppsClient, props: ConnectedAppsManagerProps) {
  const view = render(
    <ConnectedAppsProvider client={client}>
      <ConnectedAppsManager {...props} />
    </ConnectedAppsProvider>,
    { reactStrictMode: true },
  );
  const row = (name: string) => view.getByRole('listitem', { name });
  const texts = (elements: HTMLElement[]) => elements.map((element) => element.textContent);
  return { ...view, row, texts };
}

const describeScope = (scope: string) => ({ 'read:projects': 'See your projects' })[scope];

describe('<ConnectedAppsManager>', () => {
  it('shows each app in words and revokes one, focus moving into the confirmation and back', async () => {
    const user = await seedApps([
      {
        name: 'Calendar Sync',
        description: 'Keeps your meetings in sync.',
        logo_url: LOGO,
        scopes: ['openid', 'email', 'profile', 'offline_access'],
      },
      {
        name: 'Deploy Bot',
        client_type: 'third_party_public',
        scopes: ['read:projects', 'write:deployments'],
      },
      { name: 'insights', client_type: 'first_party', scopes: [] },
    ]);
    const [, deployBot] = user.apps;
    const onRevoked = vi.fn();
    const view = renderManager(user.client, { user_id: user.user_id, describeScope, onRevoked });

    // The skeleton's shapes are hidden from assistive technology; its status says it in words.
    const skeleton = view.getByText('Loading your connected apps…').closest('[role="status"]')!;
    expect(skeleton.querySelectorAll('.ca-skeleton-row[aria-hidden="true"]')).toHaveLength(3);
    const list = await view.findByRole('list', { name: 'Connected apps' });
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(1);

    const calendar = view.row('Calendar Sync');
    expect(calendar.querySelector('img')?.getAttribute('src')).toBe(LOGO);
    expect(within(calendar).getByText('Third-party')).toBeTruthy();
    expect(within(calendar).getByText('Keeps your meetings in sync.')).toBeTruthy();
    const calendarScopes = within(calendar).getByRole('list', { name: 'Permissions' });
    expect(view.texts(within(calendarScopes).getAllByRole('listitem'))).toEqual([
      'Confirm who you are',
      'See your email address',
      'See your name and profile picture',
      'Stay connected when you are not using it',
    ]);
    const deploy = view.row('Deploy Bot');
    expect(deploy.querySelector('.ca-logo-initials')?.textContent).toBe('DB');
    expect(within(deploy).getByText('Third-party · public client')).toBeTruthy();
    // The prop's words, then the scope as it is.
    expect(view.texts(within(deploy).getAllByRole('listitem'))).toEqual([
      'See your projects',
      'write:deployments',
    ]);
    const insights = view.row('insights');
    expect(within(insights).getByText('First-party')).toBeTruthy();
    expect(within(insights).getByText('No permissions granted')).toBeTruthy();
    expect(insights.querySelector('.ca-logo-initials')?.textContent).toBe('I');
    expect(within(list).getAllByRole('heading', { level: 3 })).toHaveLength(3);

    // Open: focus lands on Cancel inside a group that says what will happen; Escape backs out to Revoke.
    const revoke = within(deploy).getByRole('button', { name: 'Revoke Deploy Bot' });
    fireEvent.click(revoke);
    const confirmation = within(deploy).getByRole('group', { name: "Remove Deploy Bot's access?" });
    expect(confirmation.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(confirmation).getByText(/Deploy Bot will be signed out right away/)).toBeTruthy();
    expect(document.activeElement).toBe(within(confirmation).getByRole('button', { name: 'Cancel' }));
    expect(deploy.dataset.state).toBe('confirming');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(deploy).queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(within(deploy).getByRole('button', { name: 'Revoke Deploy Bot' }));

    // Confirm: pending at once (the assertions below run before any answer can arrive), its buttons
    // inert but focusable; then gone, announced, focus on the heading.
    fireEvent.click(within(deploy).getByRole('button', { name: 'Revoke Deploy Bot' }));
    const confirm = within(deploy).getByRole('button', { name: 'Revoke access' });
    act(() => confirm.focus());
    fireEvent.click(confirm);
    expect(confirm.textContent).toBe('Revoking…');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(deploy.getAttribute('aria-busy')).toBe('true');
    expect(deploy.dataset.state).toBe('pending');
    fireEvent.click(within(deploy).getByRole('button', { name: 'Cancel' }));
    expect(within(deploy).queryByRole('group')).not.toBeNull();

    await waitFor(() => expect(view.queryByRole('listitem', { name: 'Deploy Bot' })).toBeNull());
    await waitFor(() =>
      expect(
        view.getByText('Deploy Bot no longer has access to your account.').closest('[role="status"]'),
      ).not.toBeNull(),
    );
    const heading = view.getByRole('heading', { level: 2 });
    expect(document.activeElement).toBe(heading);
    expect(heading.textContent).toBe('Connected apps (2)');
    expect(onRevoked).toHaveBeenCalledWith(
      expect.objectContaining({ connected_app_id: deployBot!.connected_app_id }),
      expect.objectContaining({ status_code: 200, request_id: expect.stringMatching(/^request-id-test-/) }),
    );
    expect((await control.getTokens(user.user_id, deployBot!.connected_app_id)).grant_active).toBe(false);
  });

  it('takes every string from `messages`, and shows a failed revoke with its request id and a retry', async () => {
    const user = await seedApps([{ name: 'Kalender', client_type: 'first_party_public' }]);
    const kalender = user.apps[0]!;
    await injectRevokeFault(control, user.user_id, kalender.connected_app_id, { status: 500 });
    const onRevokeError = vi.fn();
    const view = renderManager(user.client, {
      user_id: user.user_id,
      headingLevel: 3,
      onRevokeError,
      messages: {
        title: 'Verbundene Apps',
        count: (count) => `· ${count}`,
        clientTypes: { first_party_public: 'Eigene App · öffentlich' },
        scopes: { openid: 'Ihre Identität bestätigen' },
        scopesLabel: 'Berechtigungen',
        revoke: 'Widerrufen',
        revokeLabel: (app) => `${app.name} widerrufen`,
        confirmTitle: (app) => `${app.name} den Zugriff entziehen?`,
        confirmText: (app) => `${app.name} wird sofort abgemeldet.`,
        confirm: 'Zugriff entziehen',
        cancel: 'Abbrechen',
        retryRevoke: 'Erneut versuchen',
        revokeErrorTitle: (app) => `${app.name} konnte nicht widerrufen werden`,
        errorText: (error) => `Fehler ${error.status_code}`,
        requestId: 'Anfrage-ID:',
        revoked: (app) => `${app.name} hat keinen Zugriff mehr.`,
      },
    });

    const row = within(await view.findByRole('list', { name: 'Verbundene Apps' })).getByRole('listitem', {
      name: 'Kalender',
    });
    expect(view.getByRole('heading', { level: 3 }).textContent).toBe('Verbundene Apps · 1');
    expect(within(row).getByRole('heading', { level: 4 }).textContent).toBe('Kalender');
    expect(within(row).getByText('Eigene App · öffentlich')).toBeTruthy();
    expect(
      within(within(row).getByRole('list', { name: 'Berechtigungen' })).getByRole('listitem').textContent,
    ).toBe('Ihre Identität bestätigen');
    fireEvent.click(within(row).getByRole('button', { name: 'Kalender widerrufen' }));
    const group = within(row).getByRole('group', { name: 'Kalender den Zugriff entziehen?' });
    expect(within(group).getByText('Kalender wird sofort abgemeldet.')).toBeTruthy();
    const confirm = within(group).getByRole('button', { name: 'Zugriff entziehen' });
    act(() => confirm.focus());
    fireEvent.click(confirm);

    const alert = await within(group).findByRole('alert');
    expect(within(alert).getByText('Kalender konnte nicht widerrufen werden')).toBeTruthy();
    expect(within(alert).getByText('Fehler 500')).toBeTruthy();
    const requestId = alert.querySelector('.ca-request-id')?.textContent;
    expect(requestId).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
    expect(alert.textContent).toContain(`Anfrage-ID: ${requestId} · HTTP 500 · internal_server_error`);
    expect(row.dataset.state).toBe('error');
    expect(onRevokeError).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Kalender' }),
      expect.objectContaining({ status_code: 500, request_id: requestId }),
    );
    // The confirm button turned into the retry, and kept the focus.
    expect(confirm.textContent).toBe('Erneut versuchen');
    expect(document.activeElement).toBe(confirm);
    expect((await control.getTokens(user.user_id, kalender.connected_app_id)).grant_active).toBe(true);

    fireEvent.click(confirm); // the fault applied once: this one goes through
    await waitFor(() => expect(view.getByText('Kalender hat keinen Zugriff mehr.')).toBeTruthy());
    expect(view.queryByRole('listitem', { name: 'Kalender' })).toBeNull();
  });

  it('shows the list failing with its request id, loads it again on Try again, and then the empty state', async () => {
    const user = await seedApps([]);
    await injectListFault(control, user.user_id, { status: 503 });
    const view = renderManager(user.client, { user_id: user.user_id });

    const alert = await view.findByRole('alert');
    expect(within(alert).getByText('Could not load your connected apps')).toBeTruthy();
    expect(alert.querySelector('.ca-request-id')?.textContent).toMatch(/^request-id-test-/);
    expect(view.queryByText('Loading your connected apps…')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await view.findByText('No connected apps');
    expect(view.getByText(/shows up here so you can revoke it/)).toBeTruthy();
    expect(view.queryByRole('alert')).toBeNull();
    expect(view.getByRole('heading', { level: 2 }).textContent).toBe('Connected apps (0)');
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(2);
  });

  it('unstyled: no `ca-manager` root for the stylesheet to hang off; class names and renderRow slot in', async () => {
    const user = await seedApps([{ name: 'Notes' }, { name: 'Tasks' }]);
    const view = renderManager(user.client, {
      user_id: user.user_id,
      unstyled: true,
      className: 'settings-apps',
      classNames: { row: (app) => `row-${app.name.toLowerCase()}`, button: 'btn', list: 'stack' },
      actions: <a href="/help">What is this?</a>,
      renderRow: (app, parts) => (
        <>
          {parts.heading}
          <p>Last used by {app.name}: today</p>
          {parts.revoke}
          {parts.confirmation}
        </>
      ),
    });

    const list = await view.findByRole('list', { name: 'Connected apps' });
    const section = list.closest('section')!;
    expect(section.className).toBe('settings-apps');
    expect(view.container.querySelector('.ca-manager')).toBeNull();
    expect(within(section).getByRole('link', { name: 'What is this?' })).toBeTruthy();
    expect(list.className).toBe('ca-list stack');
    const notes = view.row('Notes');
    expect(notes.className).toBe('ca-row row-notes');
    expect(within(notes).getByText('Last used by Notes: today')).toBeTruthy();
    expect(notes.querySelector('.ca-logo')).toBeNull(); // the logo part was left out
    const revoke = within(notes).getByRole('button', { name: 'Revoke Notes' });
    expect(revoke.className).toBe('ca-button ca-button-outline btn');
    fireEvent.click(revoke);
    fireEvent.click(within(notes).getByRole('button', { name: 'Revoke access' }));
    await waitFor(() => expect(view.queryByRole('listitem', { name: 'Notes' })).toBeNull());
    expect(view.row('Tasks')).toBeTruthy();
  });

  it("hydrates the server's HTML without a mismatch, then loads the list", async () => {
    const user = await seedApps([{ name: 'Notes' }]);
    const page = (
      <ConnectedAppsProvider client={user.client}>
        <ConnectedAppsManager user_id={user.user_id} />
      </ConnectedAppsProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    try {
      const root = await act(async () => hydrateRoot(container, page, { onRecoverableError: recoverable }));
      await within(container).findByRole('listitem', { name: 'Notes' });
      expect(recoverable).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
      act(() => root.unmount());
    } finally {
      consoleError.mockRestore();
      container.remove();
    }
  });
});

describe('initials and hue of an app without a logo', () => {
  it('takes the first character of the first two words, upper-cased, whole characters only', () => {
    expect(initialsOf('Insights Dashboard')).toBe('ID');
    expect(initialsOf('pocket notes app')).toBe('PN');
    expect(initialsOf('  Notion ')).toBe('N');
    expect(initialsOf('🚀 Launch')).toBe('🚀L');
    expect(initialsOf('   ')).toBe('?');
  });

  it('gives a name the same hue every time, and different names different hues', () => {
    expect(hueOf('Deploy Bot')).toBe(hueOf('Deploy Bot'));
    expect(hueOf('Deploy Bot')).not.toBe(hueOf('Calendar Sync'));
    expect(hueOf('Deploy Bot')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Deploy Bot')).toBeLessThan(360);
  });
});
