// The options carry our client's types into TanStack's hooks and cache, with no annotation at the call site.
import type * as core from '@connected-apps/core';
import { type QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  connectedAppsQueryOptions,
  type RevokeMutationContext,
  revokeConnectedAppMutationOptions,
} from '../../src/tanstack/index.ts';

declare const client: core.ConnectedAppsClient;
declare const queryClient: QueryClient;

describe('TanStack options types', () => {
  it('types the list: data, error and the cache under its key', () => {
    const options = connectedAppsQueryOptions(client, { user_id: 'user-test-1' });
    const apps = useQuery(options);
    expectTypeOf(apps.data).toEqualTypeOf<core.ConnectedApp[] | undefined>();
    expectTypeOf(apps.error).toEqualTypeOf<core.ConnectedAppsError | null>();
    expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<core.ConnectedApp[] | undefined>();
  });

  it('types the revoke: variables, data, error and context', () => {
    const revoke = useMutation(revokeConnectedAppMutationOptions(client, queryClient));
    expectTypeOf(revoke.mutate).parameter(0).toEqualTypeOf<core.UsersRevokeRequest>();
    expectTypeOf(revoke.data).toEqualTypeOf<core.UsersRevokeResponse | undefined>();
    expectTypeOf(revoke.error).toEqualTypeOf<core.ConnectedAppsError | null>();
    expectTypeOf(revoke.context).toEqualTypeOf<RevokeMutationContext | undefined>();
  });
});
