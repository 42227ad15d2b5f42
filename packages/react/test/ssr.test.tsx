// @vitest-environment node

import { countRequests, stytchListPath } from '@connected-apps/testkit';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectedAppsProvider, useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { control, seedUser } from './support/stack.ts';

function Page({ user_id }: { user_id: string }) {
  const apps = useConnectedApps(user_id);
  const revoke = useRevokeConnectedApp();
  return (
    <p>
      list:{apps.status} revoke:{revoke.status}
    </p>
  );
}

describe('server rendering', () => {
  it('imports and renders without a window, and sends nothing from the server', async () => {
    expect(typeof window).toBe('undefined');
    const user = await seedUser(['Calendar Sync']);

    const html = renderToString(
      <ConnectedAppsProvider client={user.client}>
        <Page user_id={user.user_id} />
      </ConnectedAppsProvider>,
    );
    expect(html).toContain('list:<!-- -->pending<!-- --> revoke:<!-- -->idle');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(0);
  });
});
