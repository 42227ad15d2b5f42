import { isStytchApiError } from '@connected-apps/core';
import { countRequests, injectListFault, quietPeriod, stytchListPath } from '@connected-apps/testkit';
import { renderHook, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useConnectedApps } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, proxyClient, seedUser } from './support/stack.ts';

describe('useConnectedApps', () => {
  it('loads the user’s apps through the proxy', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const { result } = renderHook(() => useConnectedApps(user.user_id), {
      wrapper: providerWrapper(user.client),
    });

    expect(result.current).toMatchObject({
      status: 'pending',
      isPending: true,
      isLoading: true,
      data: undefined,
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.map((app) => app.name).sort()).toEqual(['Calendar Sync', 'Notes']);
    expect(result.current.data?.[0]).toMatchObject({
      client_type: 'third_party',
      scopes_granted: 'openid email',
    });
    expect(result.current).toMatchObject({
      isSuccess: true,
      isLoading: false,
      isFetching: false,
      error: null,
    });
  });

  it('shares one request between every mounted list of the same user', async () => {
    const user = await seedUser(['Calendar Sync']);
    const wrapper = providerWrapper(user.client);
    const first = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const second = renderHook(() => useConnectedApps(user.user_id), { wrapper });

    await waitFor(() => expect(second.result.current.status).toBe('success'));
    expect(first.result.current.data).toBe(second.result.current.data);
    await quietPeriod();
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(1);
  });

  it('sends a single request under StrictMode', async () => {
    const user = await seedUser(['Calendar Sync']);
    let effectRuns = 0;
    const { result } = renderHook(
      () => {
        useEffect(() => {
          effectRuns += 1;
        }, []);
        return useConnectedApps(user.user_id);
      },
      { wrapper: providerWrapper(user.client), reactStrictMode: true },
    );

    await waitFor(() => expect(result.current.status).toBe('success'));
    await quietPeriod();
    expect(effectRuns).toBe(2); // StrictMode did mount, unmount and mount again
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(1);
  });

  it('reports the proxy’s typed 401 when there is no session, with its request id', async () => {
    const user = await seedUser([]);
    const { result } = renderHook(() => useConnectedApps(user.user_id), {
      wrapper: providerWrapper(proxyClient()),
    });

    await waitFor(() => expect(result.current.status).toBe('error'));
    const { error } = result.current;
    expect(isStytchApiError(error)).toBe(true);
    expect(error).toMatchObject({ status_code: 401, error_type: 'session_required' });
    expect(error?.request_id).toMatch(/\S/);
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(0);
  });

  it('keeps the last list when a refetch fails, and recovers on the next one', async () => {
    const user = await seedUser(['Calendar Sync']);
    const { result } = renderHook(() => useConnectedApps(user.user_id), {
      wrapper: providerWrapper(user.client),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const loaded = result.current.data;

    await injectListFault(control, user.user_id, { status: 500, times: 1 });
    await result.current.refetch();
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.data).toBe(loaded);
    expect(result.current.error).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect(result.current.error?.request_id).toMatch(/^request-id-test-/);

    await result.current.refetch();
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.error).toBeNull();
  });

  it('sends nothing while the user id is unknown or the hook is disabled', async () => {
    const user = await seedUser(['Calendar Sync']);
    const wrapper = providerWrapper(user.client);
    const unknown = renderHook(() => useConnectedApps(undefined), { wrapper });
    const disabled = renderHook(() => useConnectedApps(user.user_id, { enabled: false }), { wrapper });

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unknown.result.current).toMatchObject({ status: 'pending', isLoading: false, isFetching: false });
    expect(disabled.result.current).toMatchObject({ status: 'pending', isLoading: false, isFetching: false });
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(0);
  });

  it('loads the new user’s list when the user id changes', async () => {
    const [ada, grace] = await Promise.all([seedUser(['Ada App']), seedUser(['Grace App'])]);
    // Each user may read only their own list, so the client (their session) changes with the user id.
    const { result, rerender } = renderHook(
      ({ user }) => useConnectedApps(user.user_id, { client: user.client }),
      { initialProps: { user: ada } },
    );
    await waitFor(() => expect(result.current.data?.[0]?.name).toBe('Ada App'));

    rerender({ user: grace });
    await waitFor(() => expect(result.current.data?.[0]?.name).toBe('Grace App'));
  });
});
