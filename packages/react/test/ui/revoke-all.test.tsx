import type { ConnectedAppsClient } from '@connected-apps/core';
import { countRequests, injectListFault, injectRevokeFault, stytchRevokePath } from '@connected-apps/testkit';
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectedAppsProvider } from '../../src/index.ts';
import { ConnectedAppsManager, type ConnectedAppsManagerProps } from '../../src/ui/index.ts';
import { control } from '../support/stack.ts';
import { seedApps } from './seed-apps.ts';

afterEach(cleanup);

function renderManager(client: ConnectedAppsClient, props: ConnectedAppsManagerProps) {
  return render(
    <ConnectedAppsProvider client={client}>
      <ConnectedAppsManager {...props} />
    </ConnectedAppsProvider>,
    { reactStrictMode: true },
  );
}

const status = (view: ReturnType<typeof render>) =>
  view.container.querySelector('.ca-status[role="status"]')?.textContent;

describe('<ConnectedAppsManager> Revoke all', () => {
  it('confirms what will happen, focus moving in and back, then revokes every app and says so', async () => {
    const user = await seedApps([{ name: 'Notes' }, { name: 'Tasks' }]);
    const onRevokedAll = vi.fn();
    const view = renderManager(user.client, { user_id: user.user_id, onRevokedAll });
    await view.findByRole('list', { name: 'Connected apps' });

    const open = view.getByRole('button', { name: 'Revoke all' });
    fireEvent.click(open);
    const group = view.getByRole('group', { name: 'Remove access for 2 apps?' });
    expect(within(group).getByText(/Every app listed here will be signed out right away/)).toBeTruthy();
    expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Cancel' }));
    expect(view.queryByRole('button', { name: 'Revoke all' })).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(view.queryByRole('group', { name: /Remove access for/ })).toBeNull();
    expect(document.activeElement).toBe(view.getByRole('button', { name: 'Revoke all' }));

    fireEvent.click(view.getByRole('button', { name: 'Revoke all' }));
    const confirm = view.getByRole('button', { name: 'Revoke all access' });
    act(() => confirm.focus());
    fireEvent.click(confirm);
    expect(confirm.textContent).toBe('Revoking…');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');

    await waitFor(() => expect(status(view)).toBe('2 apps no longer have access to your account.'));
    expect(view.container.querySelector('.ca-success')?.hasAttribute('data-partial')).toBe(false);
    expect(view.getByText('No connected apps')).toBeTruthy();
    // Hidden with the list empty; focus left on the heading, which stays.
    expect(view.queryByRole('button', { name: 'Revoke all' })).toBeNull();
    expect(view.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(view.getByRole('heading', { level: 2 }));
    expect(onRevokedAll).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status_code: 200 }));
    for (const app of user.apps) {
      expect((await control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(false);
    }
  });

  it('on a partial failure names the failed app with its error and request id; Try again revokes only it', async () => {
    const user = await seedApps([{ name: 'Notes' }, { name: 'Tasks' }, { name: 'Drive' }]);
    const tasks = user.apps[1]!;
    // Once: the test proxy does not retry, so only the first revoke-all meets it.
    await injectRevokeFault(control, user.user_id, tasks.connected_app_id, { status: 500 });
    const view = renderManager(user.client, {
      user_id: user.user_id,
      messages: { revokeAllPartial: (revoked, failed) => `${revoked} widerrufen, ${failed} fehlgeschlagen` },
    });
    await view.findByRole('list', { name: 'Connected apps' });
    fireEvent.click(view.getByRole('button', { name: 'Revoke all' }));
    const group = view.getByRole('group', { name: 'Remove access for 3 apps?' });
    const confirm = within(group).getByRole('button', { name: 'Revoke all access' });
    act(() => confirm.focus());
    fireEvent.click(confirm);

    await waitFor(() => expect(status(view)).toBe('2 widerrufen, 1 fehlgeschlagen'));
    expect(view.container.querySelector('.ca-success')?.hasAttribute('data-partial')).toBe(true);
    const notice = within(group).getByText('Could not revoke Tasks').closest('.ca-notice') as HTMLElement;
    expect(notice.getAttribute('role')).toBeNull(); // the live region announced it already
    expect(within(notice).getByText(/Something went wrong on our side/)).toBeTruthy();
    const requestId = notice.querySelector('.ca-request-id')?.textContent;
    expect(requestId).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
    expect(notice.textContent).toContain(`Request ID: ${requestId} · HTTP 500 · internal_server_error`);
    // The revoked apps left the list; the failed one stays.
    const rows = view.container.querySelectorAll('.ca-row .ca-name');
    expect(Array.from(rows, (name) => name.textContent)).toEqual(['Tasks']);
    expect(confirm.textContent).toBe('Try again');
    expect(document.activeElement).toBe(confirm);

    const notesPath = stytchRevokePath(user.user_id, user.apps[0]!.connected_app_id);
    expect(await countRequests(control, 'POST', notesPath)).toBe(1);
    fireEvent.click(confirm);
    await waitFor(() => expect(status(view)).toBe('1 app no longer has access to your account.'));
    expect(view.getByText('No connected apps')).toBeTruthy();
    expect((await control.getTokens(user.user_id, tasks.connected_app_id)).grant_active).toBe(false);
    // The retry sent nothing for the apps already revoked.
    expect(await countRequests(control, 'POST', notesPath)).toBe(1);
  });

  it('shows a whole-call failure as an alert with a retry, and is left out with revokeAll={false}', async () => {
    const user = await seedApps([{ name: 'Notes' }]);
    const onRevokeAllError = vi.fn();
    const view = renderManager(user.client, { user_id: user.user_id, onRevokeAllError });
    await view.findByRole('list', { name: 'Connected apps' });
    // The list shown, the proxy's own listing for revoke-all then fails: nothing is revoked.
    await injectListFault(control, user.user_id, { status: 503 });
    fireEvent.click(view.getByRole('button', { name: 'Revoke all' }));
    const group = view.getByRole('group', { name: 'Remove access for 1 app?' });
    fireEvent.click(within(group).getByRole('button', { name: 'Revoke all access' }));

    const alert = await within(group).findByRole('alert');
    expect(within(alert).getByText('Could not revoke your apps')).toBeTruthy();
    expect(alert.querySelector('.ca-request-id')?.textContent).toMatch(/^request-id-test-/);
    expect(onRevokeAllError).toHaveBeenCalledWith(expect.objectContaining({ status_code: 503 }));
    expect(within(group).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(view.getByRole('listitem', { name: 'Notes' })).toBeTruthy();
    expect((await control.getTokens(user.user_id, user.apps[0]!.connected_app_id)).grant_active).toBe(true);
    cleanup();

    const optedOut = renderManager(user.client, { user_id: user.user_id, revokeAll: false });
    await optedOut.findByRole('listitem', { name: 'Notes' });
    expect(optedOut.queryByRole('button', { name: 'Revoke all' })).toBeNull();
    expect(optedOut.getByRole('button', { name: 'Revoke Notes' })).toBeTruthy();
  });
});
