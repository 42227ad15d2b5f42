import type { ConnectedApp } from '@connected-apps/core';
import {
  countRequests,
  injectListFault,
  quietPeriod,
  stytchListPath,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { ConnectedAppsStore } from '../src/store/connected-apps-store.ts';
import { control, seedUser } from './support/stack.ts';

// The framework-free store, driven directly: what the hooks rely on, without React in the way.
describe('ConnectedAppsStore', () => {
  it('does not bring back an app revoked while a list request was in flight', async () => {
    const user = await seedUser(['Calendar Sync', 'Notes']);
    const [calendar, notes] = user.apps;
    // A list computed before the revoke but delivered after it: the emulator answers it late.
    const staleList: ConnectedApp[] = user.apps.map((app) => ({ ...app, scopes_granted: 'openid email' }));
    await injectListFault(control, user.user_id, {
      latency_ms: 300,
      status: 200,
      body: { request_id: 'request-id-test-stale', status_code: 200, connected_apps: staleList },
    });
    const store = new ConnectedAppsStore(user.client);
    const query = store.query(user.user_id);

    const loading = query.fetch();
    await store.revoke({ user_id: user.user_id, connected_app_id: calendar!.connected_app_id });
    await loading;

    expect(query.state.status).toBe('success');
    expect(query.state.data?.map((app) => app.connected_app_id)).toEqual([notes!.connected_app_id]);
  });

  it('joins a list request already in flight', async () => {
    const user = await seedUser(['Calendar Sync']);
    const query = new ConnectedAppsStore(user.client).query(user.user_id);

    const first = query.fetch();
    expect(query.fetch()).toBe(first);
    await first;
    await quietPeriod();
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(1);
  });

  it('joins a revoke of the same app already in flight, whatever the caller', async () => {
    const user = await seedUser(['Calendar Sync']);
    const app = user.apps[0]!;
    const store = new ConnectedAppsStore(user.client);
    const variables = { user_id: user.user_id, connected_app_id: app.connected_app_id };

    const first = store.revoke(variables);
    expect(store.revoke({ ...variables }, { optimistic: true })).toBe(first);
    await first;
    await quietPeriod();
    expect(await countRequests(control, 'POST', stytchRevokePath(user.user_id, app.connected_app_id))).toBe(
      1,
    );
  });

  it('notifies subscribers of a list on every change', async () => {
    const user = await seedUser(['Calendar Sync']);
    const query = new ConnectedAppsStore(user.client).query(user.user_id);
    const seen: string[] = [];
    const unsubscribe = query.subscribe(() => seen.push(`${query.state.status}:${query.state.isFetching}`));

    await query.fetch();
    unsubscribe();
    await query.fetch();
    expect(seen).toEqual(['pending:true', 'success:false']);
  });
});
