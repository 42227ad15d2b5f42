import { isConnectedAppsError, isStytchApiError } from '@connected-apps/core';
import {
  countRequests,
  injectListFault,
  injectRevokeFault,
  stytchListPath,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  connectedAppsQueryKey,
  connectedAppsQueryOptions,
  revokeConnectedAppMutationOptions,
} from '../../src/tanstack/index.ts';
import { control, seedUser } from '../support/stack.ts';

const ids = (apps: { connected_app_id: string }[] | undefined) => apps?.map((app) => app.connected_app_id);

/** TanStack's own client, quiet and without its retries, so each call is one request. */
function queryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

describe('TanStack Query options, with TanStack’s own QueryClient against the real proxy', () => {
  it('loads the list under its key, and fails with a Stytch-shaped error after one request', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const client = new QueryClient(); // TanStack's defaults: the options must turn its retries off themselves
    const options = connectedAppsQueryOptions(user.client, { user_id: user.user_id });
    expect(options.queryKey).toEqual(connectedAppsQueryKey(user.user_id));

    const apps = await client.fetchQuery(options);
    expect(ids(apps)).toEqual(ids(user.apps));
    expect(client.getQueryData(options.queryKey)).toBe(apps);

    await injectListFault(control, user.user_id, { status: 500 });
    const failure = await client.fetchQuery({ ...options, staleTime: 0 }).catch((error: unknown) => error);
    expect(isStytchApiError(failure)).toBe(true);
    expect(failure).toMatchObject({ status_code: 500, error_type: 'internal_server_error' });
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(2);
    client.clear();
  });

  it('revokes optimistically through useMutation: rolls back in place on a 500, refetches on settle', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes', 'Tasks']);
    const [calendar, notes, tasks] = user.apps.map((app) => app.connected_app_id);
    const client = queryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(
      () => ({
        apps: useQuery(connectedAppsQueryOptions(user.client, { user_id: user.user_id })),
        revoke: useMutation(revokeConnectedAppMutationOptions(user.client, client)),
      }),
      { wrapper },
    );
    await waitFor(() => expect(ids(result.current.apps.data)).toEqual([calendar, notes, tasks]));
    const listRequests = () => countRequests(control, 'GET', stytchListPath(user.user_id));

    // A slow failing revoke, and a slow list after it: the refetch on settle must not be what restores the app.
    await injectRevokeFault(control, user.user_id, notes!, { latency_ms: 300, status: 500 });
    await injectListFault(control, user.user_id, { latency_ms: 500 });
    act(() => result.current.revoke.mutate({ user_id: user.user_id, connected_app_id: notes! }));
    await waitFor(() => expect(ids(result.current.apps.data)).toEqual([calendar, tasks]));
    expect(result.current.revoke.isPending).toBe(true);

    // Rolled back, in its place, while the invalidated list is still on its way (and the mutation waits for it).
    await waitFor(() => expect(ids(result.current.apps.data)).toEqual([calendar, notes, tasks]));
    expect(result.current.apps.isFetching).toBe(true);
    expect(result.current.revoke.isPending).toBe(true);

    await waitFor(() => expect(result.current.revoke.status).toBe('error'));
    expect(result.current.apps.isFetching).toBe(false);
    expect(ids(result.current.apps.data)).toEqual([calendar, notes, tasks]);
    const error = result.current.revoke.error;
    expect(isConnectedAppsError(error)).toBe(true);
    expect(error).toMatchObject({
      status_code: 500,
      error_type: 'internal_server_error',
      request_id: expect.stringMatching(/^request-id-test-/),
    });
    expect(await listRequests()).toBe(2); // the first load, and the invalidation once the revoke settled
    expect((await control.getTokens(user.user_id, notes!)).grant_active).toBe(true);

    const response = await act(() =>
      result.current.revoke.mutateAsync({ user_id: user.user_id, connected_app_id: notes! }),
    );
    expect(response).toMatchObject({ status_code: 200 });
    expect(ids(result.current.apps.data)).toEqual([calendar, tasks]);
    expect(await listRequests()).toBe(3);
    expect(await countRequests(control, 'POST', stytchRevokePath(user.user_id, notes!))).toBe(2);
    expect((await control.getTokens(user.user_id, notes!)).grant_active).toBe(false);
    client.clear();
  });
});
