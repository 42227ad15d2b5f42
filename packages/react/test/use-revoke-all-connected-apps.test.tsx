import { injectRevokeFault } from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useConnectedApps, useRevokeAllConnectedApps } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, proxyClient, seedUser } from './support/stack.ts';

describe('useRevokeAllConnectedApps', () => {
  it('revokes every app through the proxy and empties every mounted list of that user', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const onSuccess = vi.fn();
    const { result } = renderHook(
      () => ({ all: useRevokeAllConnectedApps({ onSuccess }), list: useConnectedApps(user.user_id) }),
      { wrapper: providerWrapper(user.client) },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    act(() => result.current.all.revoke({ user_id: user.user_id }));
    expect(result.current.all).toMatchObject({ status: 'pending', variables: { user_id: user.user_id } });

    await waitFor(() => expect(result.current.all.status).toBe('success'));
    expect(result.current.all.data).toMatchObject({ status_code: 200 });
    expect(result.current.list.data).toEqual([]);
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(result.current.all.data, { user_id: user.user_id });
    for (const app of user.apps) {
      expect((await control.getTokens(user.user_id, app.connected_app_id)).grant_active).toBe(false);
    }
  });

  it('on a partial failure (207) keeps the failed app in the list and removes the revoked one', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [failing, revoked] = user.apps as [(typeof user.apps)[0], (typeof user.apps)[0]];
    // More than the proxy's retries, so the revoke fails for good.
    await injectRevokeFault(control, user.user_id, failing.connected_app_id, { status: 500, times: 5 });
    const { result } = renderHook(
      () => ({ all: useRevokeAllConnectedApps(), list: useConnectedApps(user.user_id) }),
      { wrapper: providerWrapper(user.client) },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    const data = await act(() => result.current.all.revokeAsync({ user_id: user.user_id }));
    expect(data.status_code).toBe(207);
    expect(data.connected_apps).toContainEqual({
      connected_app_id: revoked.connected_app_id,
      outcome: 'revoked',
    });
    expect(data.connected_apps).toContainEqual(
      expect.objectContaining({
        connected_app_id: failing.connected_app_id,
        outcome: 'failed',
        error: expect.objectContaining({ status_code: 500, error_type: 'internal_server_error' }),
      }),
    );
    expect(result.current.list.data?.map((app) => app.connected_app_id)).toEqual([failing.connected_app_id]);
  });

  it("fails with the proxy's typed 403 for another user's apps", async () => {
    const alice = await seedUser(['Calendar Sync']);
    const bob = await seedUser([]);
    const { result } = renderHook(() => useRevokeAllConnectedApps(), {
      wrapper: providerWrapper(proxyClient(bob.session_jwt)),
    });
    act(() => result.current.revoke({ user_id: alice.user_id }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
    expect((await control.getTokens(alice.user_id, alice.apps[0]!.connected_app_id)).grant_active).toBe(true);
  });
});
