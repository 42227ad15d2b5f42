import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  useConnectedAppsB2BClient,
  useMemberConnectedApps,
  useRevokeMemberConnectedApp,
} from '../../src/b2b/index.ts';
import { renderErrorOf } from '../support/render.tsx';
import { b2bWrapper, ids, seedTeam } from './support.tsx';

describe('ConnectedAppsB2BProvider', () => {
  it('gives hooks its client', async () => {
    const { ada } = await seedTeam();
    const { result } = renderHook(() => useConnectedAppsB2BClient(), { wrapper: b2bWrapper(ada.client) });
    expect(result.current).toBe(ada.client);
  });

  it('lets a hook use a client passed directly, sharing state with the provider of the same client', async () => {
    const { organization, ada, calendar, notes } = await seedTeam();
    const member = { organization_id: organization.organization_id, member_id: ada.member_id };
    const list = renderHook(() => useMemberConnectedApps(member), { wrapper: b2bWrapper(ada.client) });
    const { result } = renderHook(() => useRevokeMemberConnectedApp({ client: ada.client }));
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));

    await act(() => result.current.revokeAsync({ ...member, connected_app_id: calendar }));
    expect(ids(list.result.current.data)).toEqual([notes]);
  });

  it('throws an error naming the fix when there is no client', () => {
    expect(renderErrorOf(() => useRevokeMemberConnectedApp())).toMatchObject({
      message: expect.stringMatching(/ConnectedAppsB2BProvider/),
    });
  });
});
