import { injectRevokeFault } from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, seedUser } from './support/stack.ts';

const ids = (apps: { connected_app_id: string }[] | undefined) => apps?.map((app) => app.connected_app_id);

describe('useRevokeConnectedApp({ optimistic: true })', () => {
  it('removes the app at once and puts it back when the revoke fails', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [calendar, notes] = user.apps;
    // Slow, then failing: long enough to observe the optimistic list before the rollback.
    await injectRevokeFault(control, user.user_id, calendar!.connected_app_id, {
      latency_ms: 300,
      status: 500,
    });
    const wrapper = providerWrapper(user.client);
    const list = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const { result } = renderHook(() => useRevokeConnectedApp({ optimistic: true }), { wrapper });
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));
    const before = ids(list.result.current.data);

    act(() => result.current.revoke({ user_id: user.user_id, connected_app_id: calendar!.connected_app_id }));
    expect(result.current.status).toBe('pending');
    expect(ids(list.result.current.data)).toEqual([notes!.connected_app_id]);

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(ids(list.result.current.data)).toEqual(before);
    expect(result.current.error).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
  });

  it('removes the app at once and keeps it gone when the revoke succeeds', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [calendar, notes] = user.apps;
    await injectRevokeFault(control, user.user_id, calendar!.connected_app_id, { latency_ms: 200 });
    const wrapper = providerWrapper(user.client);
    const list = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const { result } = renderHook(() => useRevokeConnectedApp({ optimistic: true }), { wrapper });
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));

    act(() => result.current.revoke({ user_id: user.user_id, connected_app_id: calendar!.connected_app_id }));
    expect(ids(list.result.current.data)).toEqual([notes!.connected_app_id]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(ids(list.result.current.data)).toEqual([notes!.connected_app_id]);

    // A fresh load agrees with what the optimistic list showed.
    await act(() => list.result.current.refetch());
    expect(ids(list.result.current.data)).toEqual([notes!.connected_app_id]);
  });
});
