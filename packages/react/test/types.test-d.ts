// Core's own types, by namespace: the hooks' types must be exactly these.
import type * as core from '@connected-apps/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  ConnectedAppsProvider,
  type ConnectedAppsProviderProps,
  type RevokeCallbacks,
  type UseConnectedAppsResult,
  type UseRevokeConnectedAppOptions,
  type UseRevokeConnectedAppResult,
  useConnectedApps,
  useRevokeConnectedApp,
} from '../src/index.ts';

declare const revoke: UseRevokeConnectedAppResult;
declare const list: UseConnectedAppsResult;

describe('useRevokeConnectedApp types', () => {
  it('takes options and returns the result union', () => {
    expectTypeOf(useRevokeConnectedApp)
      .parameter(0)
      .toEqualTypeOf<UseRevokeConnectedAppOptions | undefined>();
    expectTypeOf(useRevokeConnectedApp).returns.toEqualTypeOf<UseRevokeConnectedAppResult>();
    expectTypeOf<UseRevokeConnectedAppOptions['optimistic']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<UseRevokeConnectedAppOptions['client']>().toEqualTypeOf<
      core.ConnectedAppsClient | undefined
    >();
  });

  it('types data, error and variables loosely on the union', () => {
    expectTypeOf(revoke.status).toEqualTypeOf<'idle' | 'pending' | 'success' | 'error'>();
    expectTypeOf(revoke.data).toEqualTypeOf<core.UsersRevokeResponse | undefined>();
    expectTypeOf(revoke.error).toEqualTypeOf<core.ConnectedAppsError | null>();
    expectTypeOf(revoke.variables).toEqualTypeOf<core.UsersRevokeRequest | undefined>();
  });

  it('narrows on status and on the flags', () => {
    if (revoke.status === 'success') {
      expectTypeOf(revoke.data).toEqualTypeOf<core.UsersRevokeResponse>();
      expectTypeOf(revoke.error).toBeNull();
    }
    if (revoke.status === 'error') {
      expectTypeOf(revoke.error).toEqualTypeOf<core.ConnectedAppsError>();
      expectTypeOf(revoke.data).toBeUndefined();
      expectTypeOf(revoke.variables).toEqualTypeOf<core.UsersRevokeRequest>();
    }
    if (revoke.status === 'idle') expectTypeOf(revoke.variables).toBeUndefined();
    if (revoke.isPending) expectTypeOf(revoke.variables).toEqualTypeOf<core.UsersRevokeRequest>();
    if (revoke.isError) expectTypeOf(revoke.error).toEqualTypeOf<core.ConnectedAppsError>();
  });

  it('has revoke returning void and revokeAsync returning the response', () => {
    expectTypeOf(revoke.revoke).returns.toBeVoid();
    expectTypeOf(revoke.revokeAsync).returns.toEqualTypeOf<Promise<core.UsersRevokeResponse>>();
    expectTypeOf(revoke.revoke).parameters.toEqualTypeOf<
      [core.UsersRevokeRequest, (RevokeCallbacks | undefined)?]
    >();
    expectTypeOf(revoke.reset).toEqualTypeOf<() => void>();
  });

  it('passes the typed error and variables to the callbacks', () => {
    expectTypeOf<NonNullable<RevokeCallbacks['onError']>>().parameters.toEqualTypeOf<
      [core.ConnectedAppsError, core.UsersRevokeRequest]
    >();
    expectTypeOf<NonNullable<RevokeCallbacks['onSettled']>>().parameters.toEqualTypeOf<
      [core.UsersRevokeResponse | undefined, core.ConnectedAppsError | null, core.UsersRevokeRequest]
    >();
  });

  it('rejects incomplete variables', () => {
    // @ts-expect-error connected_app_id is required
    revoke.revoke({ user_id: 'user-test-1' });
  });
});

describe('useConnectedApps types', () => {
  it('accepts a missing user id and returns the result union', () => {
    expectTypeOf(useConnectedApps).parameter(0).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(useConnectedApps).returns.toEqualTypeOf<UseConnectedAppsResult>();
  });

  it('types data and error loosely, and narrows them on status', () => {
    expectTypeOf(list.data).toEqualTypeOf<core.ConnectedApp[] | undefined>();
    expectTypeOf(list.error).toEqualTypeOf<core.ConnectedAppsError | null>();
    expectTypeOf(list.refetch).returns.toEqualTypeOf<Promise<void>>();
    if (list.status === 'success') expectTypeOf(list.data).toEqualTypeOf<core.ConnectedApp[]>();
    if (list.status === 'pending') expectTypeOf(list.data).toBeUndefined();
    if (list.isError) {
      expectTypeOf(list.error).toEqualTypeOf<core.ConnectedAppsError>();
      expectTypeOf(list.data).toEqualTypeOf<core.ConnectedApp[] | undefined>();
    }
  });
});

describe('ConnectedAppsProvider types', () => {
  it('requires a client', () => {
    expectTypeOf<ConnectedAppsProviderProps['client']>().toEqualTypeOf<core.ConnectedAppsClient>();
    expectTypeOf(ConnectedAppsProvider).parameter(0).toEqualTypeOf<ConnectedAppsProviderProps>();
  });
});
