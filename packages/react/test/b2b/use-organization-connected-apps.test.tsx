import { isStytchApiError } from '@connected-apps/core';
import { countRequests, quietPeriod } from '@connected-apps/testkit';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOrganizationConnectedApp, useOrganizationConnectedApps } from '../../src/b2b/index.ts';
import { control } from '../support/stack.ts';
import {
  b2bWrapper,
  ids,
  type Member,
  requestsFor,
  seedTeam,
  stytchOrganizationAppsPath,
} from './support.tsx';

const unknownAppId = 'connected-app-test-00000000-0000-4000-8000-000000000000';

/** `useOrganizationConnectedApp()` of one app, rendered with `viewer`'s client. */
const renderAppView = (viewer: Member, organization_id: string, connected_app_id: string | null) =>
  renderHook(() => useOrganizationConnectedApp({ organization_id, connected_app_id }), {
    wrapper: b2bWrapper(viewer.client),
  });

describe('useOrganizationConnectedApps', () => {
  it('lists every app a member of the organization installed, for an admin', async () => {
    const { organization, admin, calendar, notes } = await seedTeam();
    const { result } = renderHook(
      () => useOrganizationConnectedApps({ organization_id: organization.organization_slug }),
      { wrapper: b2bWrapper(admin.client) },
    );

    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(ids(result.current.data)?.sort()).toEqual([calendar, notes].sort());
    expect(result.current.data?.find((app) => app.connected_app_id === calendar)).toMatchObject({
      name: 'Calendar Sync',
      client_type: 'third_party',
    });
  });

  it('shares one request between every mounted list of the organization', async () => {
    const { organization, admin } = await seedTeam();
    const wrapper = b2bWrapper(admin.client);
    const first = renderHook(
      () => useOrganizationConnectedApps({ organization_id: organization.organization_id }),
      {
        wrapper,
      },
    );
    const second = renderHook(
      () => useOrganizationConnectedApps({ organization_id: organization.organization_id }),
      { wrapper },
    );

    await waitFor(() => expect(second.result.current.status).toBe('success'));
    expect(first.result.current.data).toBe(second.result.current.data);
    await quietPeriod();
    const path = stytchOrganizationAppsPath(organization.organization_id);
    expect(await countRequests(control, 'GET', path)).toBe(1);
  });

  it('reports 403 member_forbidden to a member without the permission, with nothing sent to Stytch', async () => {
    const { organization, ada } = await seedTeam();
    const { result } = renderHook(
      () => useOrganizationConnectedApps({ organization_id: organization.organization_id }),
      { wrapper: b2bWrapper(ada.client) },
    );

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(isStytchApiError(result.current.error)).toBe(true);
    expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'member_forbidden' });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it('reports 403 organization_forbidden to an admin of another organization', async () => {
    const mine = await seedTeam();
    const theirs = await seedTeam();
    const { result } = renderHook(
      () => useOrganizationConnectedApps({ organization_id: theirs.organization.organization_external_id }),
      { wrapper: b2bWrapper(mine.admin.client) },
    );

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'organization_forbidden' });
    expect(await requestsFor(theirs.organization.organization_id)).toEqual([]);
  });
});

describe('useOrganizationConnectedApp', () => {
  it('shows one app and the members who granted it, each with their scopes as an array', async () => {
    const { organization, admin, ada, bob, calendar } = await seedTeam();
    const { result } = renderAppView(admin, organization.organization_id, calendar);

    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ connected_app_id: calendar, name: 'Calendar Sync' });
    expect(result.current.data).not.toHaveProperty('request_id');
    expect(
      result.current.data?.active_members.slice().sort((a, b) => a.member_id.localeCompare(b.member_id)),
    ).toEqual(
      [ada.member_id, bob.member_id]
        .sort()
        .map((member_id) => ({ member_id, granted_scopes: ['openid', 'email'] })),
    );
  });

  it('reports Stytch’s 404 for an app nobody in the organization has', async () => {
    const { organization, admin } = await seedTeam();
    const { result } = renderAppView(admin, organization.organization_id, unknownAppId);

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 404, error_type: 'connected_app_not_found' });
    expect(result.current.error?.request_id).toMatch(/^request-id-test-/);
  });

  it('reports 403 member_forbidden to a member without the permission, with nothing sent to Stytch', async () => {
    const { organization, ada, calendar } = await seedTeam();
    const { result } = renderAppView(ada, organization.organization_id, calendar);

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'member_forbidden' });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it('sends nothing while the app is unknown', async () => {
    const { organization, admin } = await seedTeam();
    const { result } = renderAppView(admin, organization.organization_id, null);
    await quietPeriod(100);
    expect(result.current).toMatchObject({ status: 'pending', isLoading: false, isFetching: false });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });
});
