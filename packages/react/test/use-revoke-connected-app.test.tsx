import { countRequests, injectRevokeFault, stytchRevokePath } from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, seedUser } from './support/stack.ts';

describe('useRevokeConnectedApp', () => {
  it('revokes the app, moving from idle through pending to success', async () => {
    const user = await seedUser(['Calendar Sync']);
    const app = user.apps[0]!;
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    const { result } = renderHook(() => useRevokeConnectedApp({ onSuccess, onSettled }), {
      wrapper: providerWrapper(user.client),
    });
    expect(result.current).toMatchObject({
      status: 'idle',
      isIdle: true,
      data: undefined,
      error: null,
      variables: undefined,
    });

    const variables = { user_id: user.user_id, connected_app_id: app.connected_app_id };
    act(() => result.current.revoke(variables));
    expect(result.current).toMatchObject({ status: 'pending', isPending: true, variables });

    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toMatchObject({ status_code: 200 });
    expect(result.current.data?.request_id).toMatch(/^request-id-test-/);
    expect(result.current).toMatchObject({ isSuccess: true, error: null, variables });
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(result.current.data, variables);
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(result.current.data, null, variables);

    const tokens = await control.getTokens(user.user_id, app.connected_app_id);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked)).toBe(true);
  });

  it('resolves revokeAsync with the response, and revoke returns nothing', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper: providerWrapper(user.client) });

    const response = await act(() =>
      result.current.revokeAsync({ user_id: user.user_id, connected_app_id: user.apps[0]!.connected_app_id }),
    );
    expect(response).toBe(result.current.data);
    expect(response.status_code).toBe(200);

    let returned: unknown = 'not called';
    act(() => {
      returned = result.current.revoke({
        user_id: user.user_id,
        connected_app_id: user.apps[1]!.connected_app_id,
      });
    });
    expect(returned).toBeUndefined();
    await waitFor(() => expect(result.current.status).toBe('success'));
  });

  it('removes the revoked app from every mounted list of that user', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [calendar, notes] = user.apps;
    const wrapper = providerWrapper(user.client);
    const listA = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const listB = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper });
    await waitFor(() => expect(listB.result.current.data).toHaveLength(2));

    await act(() =>
      result.current.revokeAsync({ user_id: user.user_id, connected_app_id: calendar!.connected_app_id }),
    );

    for (const list of [listA, listB]) {
      expect(list.result.current.data?.map((app) => app.connected_app_id)).toEqual([notes!.connected_app_id]);
    }
  });

  it('runs the callbacks given to revoke, after the hook’s own', async () => {
    const user = await seedUser(['Calendar Sync']);
    const calls: string[] = [];
    const { result } = renderHook(
      () =>
        useRevokeConnectedApp({
          onSuccess: () => calls.push('hook:success'),
          onSettled: () => calls.push('hook:settled'),
        }),
      { wrapper: providerWrapper(user.client) },
    );

    act(() =>
      result.current.revoke(
        { user_id: user.user_id, connected_app_id: user.apps[0]!.connected_app_id },
        { onSuccess: () => calls.push('call:success'), onSettled: () => calls.push('call:settled') },
      ),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(calls).toEqual(['hook:success', 'hook:settled', 'call:success', 'call:settled']);
  });

  it('goes back to idle on reset, and ignores the revoke it was following', async () => {
    const user = await seedUser(['Calendar Sync']);
    const app = user.apps[0]!;
    await injectRevokeFault(control, user.user_id, app.connected_app_id, { latency_ms: 300 });
    const onCallSuccess = vi.fn();
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper: providerWrapper(user.client) });

    let pending: Promise<unknown> = Promise.resolve();
    act(() => {
      pending = result.current.revokeAsync(
        { user_id: user.user_id, connected_app_id: app.connected_app_id },
        { onSuccess: onCallSuccess },
      );
    });
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ status: 'idle', variables: undefined });

    await act(() => pending);
    expect(result.current.status).toBe('idle');
    expect(onCallSuccess).not.toHaveBeenCalled();
    expect(await countRequests(control, 'POST', stytchRevokePath(user.user_id, app.connected_app_id))).toBe(
      1,
    );
  });

  it('keeps the same functions across renders', async () => {
    const user = await seedUser([]);
    const { result, rerender } = renderHook(() => useRevokeConnectedApp(), {
      wrapper: providerWrapper(user.client),
    });
    const first = result.current;
    rerender();
    expect(result.current.revoke).toBe(first.revoke);
    expect(result.current.revokeAsync).toBe(first.revokeAsync);
    expect(result.current.reset).toBe(first.reset);
  });
});
