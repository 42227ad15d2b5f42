import { isStytchApiError } from '@connected-apps/core';
import { quietPeriod } from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  type RevokeMemberVariables,
  useMemberConnectedApps,
  useOrganizationConnectedApp,
  useOrganizationConnectedApps,
  useRevokeMemberConnectedApp,
} from '../../src/b2b/index.ts';
import { control } from '../support/stack.ts';
import {
  b2bClient,
  b2bWrapper,
  forgedForAnotherTeam,
  ids,
  injectMemberRevokeFault,
  memberIds,
  memberRevokesSent,
  requestsFor,
  seedTeam,
} from './support.tsx';

describe('useRevokeMemberConnectedApp', () => {
  it('revokes the member’s own app, from idle through pending to success; the grant and its tokens are gone', async () => {
    const { organization, ada, calendar } = await seedTeam();
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    const { result } = renderHook(() => useRevokeMemberConnectedApp({ onSuccess, onSettled }), {
      wrapper: b2bWrapper(ada.client),
    });
    expect(result.current).toMatchObject({
      status: 'idle',
      isIdle: true,
      data: undefined,
      variables: undefined,
    });

    const variables = {
      organization_id: organization.organization_id,
      member_id: ada.member_id,
      connected_app_id: calendar,
    };
    act(() => result.current.revoke(variables));
    expect(result.current).toMatchObject({ status: 'pending', isPending: true, variables });

    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ status_code: 200 });
    expect(result.current.data?.request_id).toMatch(/^request-id-test-/);
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(result.current.data, variables);
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(result.current.data, null, variables);

    const tokens = await control.getMemberTokens(organization.organization_id, ada.member_id, calendar);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked)).toBe(true);
    expect(await memberRevokesSent(ada, calendar)).toBe(1);
  });

  it('removes the app from every mounted list of the member', async () => {
    const { organization, ada, calendar, notes } = await seedTeam();
    const wrapper = b2bWrapper(ada.client);
    const member = { organization_id: organization.organization_id, member_id: ada.member_id };
    const listA = renderHook(() => useMemberConnectedApps(member), { wrapper });
    const listB = renderHook(() => useMemberConnectedApps(member), { wrapper });
    const { result } = renderHook(() => useRevokeMemberConnectedApp(), { wrapper });
    await waitFor(() => expect(listB.result.current.data).toHaveLength(2));

    await act(() => result.current.revokeAsync({ ...member, connected_app_id: calendar }));
    for (const list of [listA, listB]) expect(ids(list.result.current.data)).toEqual([notes]);
  });

  it('lets an admin revoke another member’s app: the member’s list and the app’s active_members follow, and the last grant takes the app off the organization’s list', async () => {
    const { organization, admin, ada, bob, calendar, notes } = await seedTeam();
    const { organization_id } = organization;
    const wrapper = b2bWrapper(admin.client);
    const bobsApps = renderHook(() => useMemberConnectedApps({ organization_id, member_id: bob.member_id }), {
      wrapper,
    });
    const calendarView = renderHook(
      () => useOrganizationConnectedApp({ organization_id, connected_app_id: calendar }),
      { wrapper },
    );
    const organizationApps = renderHook(() => useOrganizationConnectedApps({ organization_id }), { wrapper });
    const { result } = renderHook(() => useRevokeMemberConnectedApp(), { wrapper });
    await waitFor(() => expect(calendarView.result.current.status).toBe('success'));
    await waitFor(() => expect(organizationApps.result.current.status).toBe('success'));
    await waitFor(() => expect(bobsApps.result.current.data).toHaveLength(1));
    expect(memberIds(calendarView.result.current.data)?.sort()).toEqual(
      [ada.member_id, bob.member_id].sort(),
    );

    await act(() =>
      result.current.revokeAsync({ organization_id, member_id: bob.member_id, connected_app_id: calendar }),
    );
    expect(bobsApps.result.current.data).toEqual([]);
    expect(memberIds(calendarView.result.current.data)).toEqual([ada.member_id]);
    expect(ids(organizationApps.result.current.data)?.sort()).toEqual([calendar, notes].sort());
    expect((await control.getMemberTokens(organization_id, bob.member_id, calendar)).grant_active).toBe(
      false,
    );
    // Ada's grant of the same app is untouched.
    expect((await control.getMemberTokens(organization_id, ada.member_id, calendar)).grant_active).toBe(true);

    await act(() =>
      result.current.revokeAsync({ organization_id, member_id: ada.member_id, connected_app_id: calendar }),
    );
    expect(memberIds(calendarView.result.current.data)).toEqual([]);
    expect(ids(organizationApps.result.current.data)).toEqual([notes]);
    // What the emulator now says agrees with what the lists show.
    await act(() => organizationApps.result.current.refetch());
    expect(ids(organizationApps.result.current.data)).toEqual([notes]);
  });

  it('joins a revoke of the same member’s app already in flight: one request, the same promise', async () => {
    const { organization, ada, calendar } = await seedTeam();
    await injectMemberRevokeFault(ada, calendar, { latency_ms: 300 });
    const wrapper = b2bWrapper(ada.client);
    const a = renderHook(() => useRevokeMemberConnectedApp(), { wrapper });
    const b = renderHook(() => useRevokeMemberConnectedApp(), { wrapper });
    const variables = {
      organization_id: organization.organization_id,
      member_id: ada.member_id,
      connected_app_id: calendar,
    };

    const [fromA, fromB] = await act(() =>
      Promise.all([a.result.current.revokeAsync(variables), b.result.current.revokeAsync({ ...variables })]),
    );
    expect(fromB).toBe(fromA);
    expect(a.result.current.status).toBe('success');
    expect(b.result.current.status).toBe('success');
    await quietPeriod();
    expect(await memberRevokesSent(ada, calendar)).toBe(1);
  });

  it('with optimistic: true, hides the app and the member at once and puts them back when the revoke fails', async () => {
    const { organization, admin, ada, bob, calendar } = await seedTeam();
    const { organization_id } = organization;
    await injectMemberRevokeFault(bob, calendar, { latency_ms: 300, status: 500 });
    const wrapper = b2bWrapper(admin.client);
    const bobsApps = renderHook(() => useMemberConnectedApps({ organization_id, member_id: bob.member_id }), {
      wrapper,
    });
    const view = renderHook(
      () => useOrganizationConnectedApp({ organization_id, connected_app_id: calendar }),
      {
        wrapper,
      },
    );
    const { result } = renderHook(() => useRevokeMemberConnectedApp({ optimistic: true }), { wrapper });
    await waitFor(() => expect(view.result.current.data?.active_members).toHaveLength(2));
    await waitFor(() => expect(bobsApps.result.current.data).toHaveLength(1));
    const before = memberIds(view.result.current.data);

    act(() =>
      result.current.revoke({ organization_id, member_id: bob.member_id, connected_app_id: calendar }),
    );
    expect(bobsApps.result.current.data).toEqual([]);
    expect(memberIds(view.result.current.data)).toEqual([ada.member_id]);

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(ids(bobsApps.result.current.data)).toEqual([calendar]);
    expect(memberIds(view.result.current.data)).toEqual(before);
    expect(result.current.error).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect(result.current.error?.request_id).toMatch(/^request-id-test-/);
  });
});

describe('useRevokeMemberConnectedApp errors', () => {
  /** Renders the hook with `client`, revokes, and returns the error it settles on (and its callbacks). */
  async function revokeError(client: ReturnType<typeof b2bClient>, variables: RevokeMemberVariables) {
    const onError = vi.fn();
    const { result } = renderHook(() => useRevokeMemberConnectedApp({ client, onError }));
    act(() => result.current.revoke(variables));
    await waitFor(() => expect(result.current.status).toBe('error'));
    const { error } = result.current;
    expect(isStytchApiError(error)).toBe(true);
    expect(error?.request_id).toMatch(/\S/);
    expect(error?.error_url).toMatch(/^https?:\/\//);
    expect(result.current).toMatchObject({ isError: true, data: undefined, variables });
    expect(onError).toHaveBeenCalledExactlyOnceWith(error, variables);
    return error;
  }

  it('reports 403 member_forbidden when a member revokes another member’s app, with nothing sent to Stytch', async () => {
    const { organization, ada, bob, calendar } = await seedTeam();
    const error = await revokeError(ada.client, {
      organization_id: organization.organization_id,
      member_id: bob.member_id,
      connected_app_id: calendar,
    });
    expect(error).toMatchObject({ status_code: 403, error_type: 'member_forbidden' });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
    expect(
      (await control.getMemberTokens(organization.organization_id, bob.member_id, calendar)).grant_active,
    ).toBe(true);
  });

  it.each(['organization_id', 'organization_slug', 'organization_external_id'] as const)(
    'reports 403 organization_forbidden when an admin names another organization by its %s, with nothing sent to Stytch',
    async (name) => {
      const mine = await seedTeam();
      const theirs = await seedTeam();
      const error = await revokeError(mine.admin.client, {
        organization_id: theirs.organization[name],
        member_id: theirs.ada.member_id,
        connected_app_id: theirs.calendar,
      });
      expect(error).toMatchObject({ status_code: 403, error_type: 'organization_forbidden' });
      expect(await requestsFor(theirs.organization.organization_id)).toEqual([]);
    },
  );

  it('reports 401 session_required without a session', async () => {
    const { organization, ada, calendar } = await seedTeam();
    const error = await revokeError(b2bClient(), {
      organization_id: organization.organization_id,
      member_id: ada.member_id,
      connected_app_id: calendar,
    });
    expect(error).toMatchObject({ status_code: 401, error_type: 'session_required' });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it('reports 401 session_invalid for a JWT whose organization claim was edited', async () => {
    const { theirs, client } = await forgedForAnotherTeam('admin');
    const error = await revokeError(client, {
      organization_id: theirs.organization.organization_id,
      member_id: theirs.ada.member_id,
      connected_app_id: theirs.calendar,
    });
    expect(error).toMatchObject({ status_code: 401, error_type: 'session_invalid' });
    expect(await requestsFor(theirs.organization.organization_id)).toEqual([]);
  });

  it('reports Stytch’s 500 with its request id, and keeps the app in the member’s list', async () => {
    const { organization, ada, calendar, notes } = await seedTeam();
    await injectMemberRevokeFault(ada, calendar, { status: 500 });
    const wrapper = b2bWrapper(ada.client);
    const member = { organization_id: organization.organization_id, member_id: ada.member_id };
    const list = renderHook(() => useMemberConnectedApps(member), { wrapper });
    const { result } = renderHook(() => useRevokeMemberConnectedApp(), { wrapper });
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));

    const rejection = await act(() =>
      result.current.revokeAsync({ ...member, connected_app_id: calendar }).catch((error: unknown) => error),
    );
    expect(rejection).toBe(result.current.error);
    expect(result.current.error).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect(result.current.error?.request_id).toMatch(/^request-id-test-/);
    expect(ids(list.result.current.data)?.sort()).toEqual([calendar, notes].sort());
  });
});
