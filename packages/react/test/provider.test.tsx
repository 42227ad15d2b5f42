import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useConnectedApps, useConnectedAppsClient, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper, renderErrorOf } from './support/render.tsx';
import { seedUser } from './support/stack.ts';

describe('ConnectedAppsProvider', () => {
  it('gives hooks its client', async () => {
    const user = await seedUser([]);
    const { result } = renderHook(() => useConnectedAppsClient(), { wrapper: providerWrapper(user.client) });
    expect(result.current).toBe(user.client);
  });

  it('lets a hook use a client passed directly, sharing state with the provider of the same client', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const list = renderHook(() => useConnectedApps(user.user_id), { wrapper: providerWrapper(user.client) });
    // No provider around this one: the client comes through the option.
    const { result } = renderHook(() => useRevokeConnectedApp({ client: user.client }));
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));

    await act(() =>
      result.current.revokeAsync({ user_id: user.user_id, connected_app_id: user.apps[0]!.connected_app_id }),
    );
    expect(list.result.current.data?.map((app) => app.name)).toEqual(['Notes']);
  });

  it('throws an error naming the fix when there is no client', () => {
    expect(renderErrorOf(() => useRevokeConnectedApp())).toMatchObject({
      message: expect.stringMatching(/ConnectedAppsProvider/),
    });
  });
});
