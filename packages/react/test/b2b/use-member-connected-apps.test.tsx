import { isStytchApiError } from '@connected-apps/core';
import { countRequests, quietPeriod, withTamperedSignature } from '@connected-apps/testkit';
import { renderHook, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useMemberConnectedApps } from '../../src/b2b/index.ts';
import { control } from '../support/stack.ts';
import {
  b2bClient,
  b2bWrapper,
  forgedForAnotherTeam,
  ids,
  type Member,
  requestsFor,
  seedTeam,
  stytchMemberAppsPath,
} from './support.tsx';

describe('useMemberConnectedApps', () => {
  it('loads the member’s own apps through the proxy', async () => {
    const { organization, ada, calendar, notes } = await seedTeam();
    const { result } = renderHook(
      () =>
        useMemberConnectedApps({ organization_id: organization.organization_id, member_id: ada.member_id }),
      { wrapper: b2bWrapper(ada.client) },
    );

    expect(result.current).toMatchObject({ status: 'pending', isLoading: true, data: undefined });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(ids(result.current.data)?.sort()).toEqual([calendar, notes].sort());
    expect(result.current.data?.[0]).toMatchObject({
      client_type: 'third_party',
      scopes_granted: 'openid email',
    });
    expect(result.current).toMatchObject({ isSuccess: true, isFetching: false, error: null });
  });

  it('names the organization by slug or external id and the member by external id, as Stytch allows', async () => {
    const { organization, ada, calendar, notes } = await seedTeam();
    const wrapper = b2bWrapper(ada.client);
    for (const organization_id of [organization.organization_slug, organization.organization_external_id]) {
      const { result } = renderHook(
        () => useMemberConnectedApps({ organization_id, member_id: ada.external_id }),
        { wrapper },
      );
      await waitFor(() => expect(result.current.status).toBe('success'));
      expect(ids(result.current.data)?.sort()).toEqual([calendar, notes].sort());
    }
  });

  it('shares one request between every mounted list of the member, and sends one under StrictMode', async () => {
    const { organization, ada } = await seedTeam();
    const member = { organization_id: organization.organization_id, member_id: ada.member_id };
    let effectRuns = 0;
    const wrapper = b2bWrapper(ada.client);
    const first = renderHook(
      () => {
        useEffect(() => {
          effectRuns += 1;
        }, []);
        return useMemberConnectedApps(member);
      },
      { wrapper, reactStrictMode: true },
    );
    const second = renderHook(() => useMemberConnectedApps({ ...member }), { wrapper });

    await waitFor(() => expect(second.result.current.status).toBe('success'));
    expect(first.result.current.data).toBe(second.result.current.data);
    await quietPeriod();
    expect(effectRuns).toBe(2);
    expect(
      await countRequests(control, 'GET', stytchMemberAppsPath(member.organization_id, ada.member_id)),
    ).toBe(1);
  });

  it('sends nothing while an id is unknown or the hook is disabled', async () => {
    const { organization, ada } = await seedTeam();
    const wrapper = b2bWrapper(ada.client);
    const unknown = renderHook(
      () => useMemberConnectedApps({ organization_id: organization.organization_id, member_id: undefined }),
      { wrapper },
    );
    const disabled = renderHook(
      () =>
        useMemberConnectedApps(
          { organization_id: organization.organization_id, member_id: ada.member_id },
          { enabled: false },
        ),
      { wrapper },
    );

    await quietPeriod(100);
    for (const hook of [unknown, disabled]) {
      expect(hook.result.current).toMatchObject({ status: 'pending', isLoading: false, isFetching: false });
    }
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it('reports 403 member_forbidden for another member’s list, with nothing sent to Stytch', async () => {
    const { organization, ada, bob } = await seedTeam();
    const { result } = renderHook(
      () =>
        useMemberConnectedApps({ organization_id: organization.organization_id, member_id: bob.member_id }),
      { wrapper: b2bWrapper(ada.client) },
    );

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(isStytchApiError(result.current.error)).toBe(true);
    expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'member_forbidden' });
    expect(result.current.error?.request_id).toMatch(/\S/);
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it.each(['organization_id', 'organization_slug', 'organization_external_id'] as const)(
    'reports 403 organization_forbidden for another organization named by its %s, with nothing sent to Stytch',
    async (name) => {
      const mine = await seedTeam();
      const theirs = await seedTeam();
      const { result } = renderHook(
        () =>
          useMemberConnectedApps({
            organization_id: theirs.organization[name],
            member_id: theirs.ada.member_id,
          }),
        { wrapper: b2bWrapper(mine.admin.client) },
      );

      await waitFor(() => expect(result.current.status).toBe('error'));
      expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'organization_forbidden' });
      expect(await requestsFor(theirs.organization.organization_id)).toEqual([]);
    },
  );

  it.each([
    ['session_required without a session', () => b2bClient(), 'session_required'],
    [
      'session_invalid for a JWT with a tampered signature',
      (ada: Member) => b2bClient(withTamperedSignature(ada.session_jwt)),
      'session_invalid',
    ],
  ] as const)('reports 401 %s, with nothing sent to Stytch', async (_, clientFor, error_type) => {
    const { organization, ada } = await seedTeam();
    const { result } = renderHook(
      () =>
        useMemberConnectedApps({ organization_id: organization.organization_id, member_id: ada.member_id }),
      { wrapper: b2bWrapper(clientFor(ada)) },
    );

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 401, error_type });
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });

  it('reports 401 session_invalid for a JWT whose organization claim was edited to another organization', async () => {
    const { mine, theirs, client } = await forgedForAnotherTeam('ada');
    const { result } = renderHook(
      () =>
        useMemberConnectedApps({
          organization_id: theirs.organization.organization_id,
          member_id: mine.ada.member_id,
        }),
      { wrapper: b2bWrapper(client) },
    );

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 401, error_type: 'session_invalid' });
    expect(await requestsFor(theirs.organization.organization_id)).toEqual([]);
  });
});
