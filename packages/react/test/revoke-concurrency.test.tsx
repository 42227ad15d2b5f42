import {
  countRequests,
  type FaultEffect,
  injectRevokeFault,
  quietPeriod,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import { control, seedUser } from './support/stack.ts';

/** A user with one app whose next revoke the emulator answers with `effect`; that revoke's wire path. */
async function oneAppWhoseRevoke(effect: FaultEffect) {
  const user = await seedUser(['Calendar Sync']);
  const variables = { user_id: user.user_id, connected_app_id: user.apps[0]!.connected_app_id };
  await injectRevokeFault(control, variables.user_id, variables.connected_app_id, effect);
  const path = stytchRevokePath(variables.user_id, variables.connected_app_id);
  return { variables, path, wrapper: providerWrapper(user.client) };
}

describe('useRevokeConnectedApp concurrency', () => {
  it('keeps separate state for concurrent revokes of two apps', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [slow, failing] = user.apps;
    await injectRevokeFault(control, user.user_id, slow!.connected_app_id, { latency_ms: 400 });
    await injectRevokeFault(control, user.user_id, failing!.connected_app_id, { status: 500 });
    const wrapper = providerWrapper(user.client);
    const list = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const a = renderHook(() => useRevokeConnectedApp(), { wrapper });
    const b = renderHook(() => useRevokeConnectedApp(), { wrapper });
    await waitFor(() => expect(list.result.current.data).toHaveLength(2));

    act(() => {
      a.result.current.revoke({ user_id: user.user_id, connected_app_id: slow!.connected_app_id });
      b.result.current.revoke({ user_id: user.user_id, connected_app_id: failing!.connected_app_id });
    });
    await waitFor(() => expect(b.result.current.status).toBe('error'));
    expect(a.result.current.status).toBe('pending');
    expect(a.result.current.variables?.connected_app_id).toBe(slow!.connected_app_id);
    expect(b.result.current.variables?.connected_app_id).toBe(failing!.connected_app_id);

    await waitFor(() => expect(a.result.current.status).toBe('success'));
    expect(b.result.current.status).toBe('error');
    expect(list.result.current.data?.map((app) => app.connected_app_id)).toEqual([failing!.connected_app_id]);
  });

  it('sends one request when the same button is clicked twice while pending', async () => {
    const { variables, path, wrapper } = await oneAppWhoseRevoke({ latency_ms: 300 });
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper });

    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.revokeAsync(variables);
    });
    act(() => {
      second = result.current.revokeAsync({ ...variables });
    });
    expect(second).toBe(first);

    await act(() => second);
    expect(result.current.status).toBe('success');
    await quietPeriod();
    expect(await countRequests(control, 'POST', path)).toBe(1);
  });

  it('sends one request when two components revoke the same app at once, and both succeed', async () => {
    const { variables, path, wrapper } = await oneAppWhoseRevoke({ latency_ms: 300 });
    const a = renderHook(() => useRevokeConnectedApp(), { wrapper });
    const b = renderHook(() => useRevokeConnectedApp(), { wrapper });

    const [fromA, fromB] = await act(() =>
      Promise.all([a.result.current.revokeAsync(variables), b.result.current.revokeAsync(variables)]),
    );
    expect(fromB).toBe(fromA);
    expect(a.result.current.status).toBe('success');
    expect(b.result.current.status).toBe('success');
    await quietPeriod();
    expect(await countRequests(control, 'POST', path)).toBe(1);
  });

  it('sends a new request for the same app once the previous one has settled', async () => {
    const { variables, path, wrapper } = await oneAppWhoseRevoke({ status: 500 });
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper });

    await act(() => result.current.revokeAsync(variables).catch(() => {}));
    expect(result.current.status).toBe('error');
    await act(() => result.current.revokeAsync(variables));
    expect(result.current.status).toBe('success');
    expect(await countRequests(control, 'POST', path)).toBe(2);
  });
});
