// @vitest-environment node

import { countRequests, stytchListPath } from '@connected-apps/testkit';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectedAppsManager } from '../../src/ui/index.ts';
import { control } from '../support/stack.ts';
import { seedApps } from './seed-apps.ts';

describe('<ConnectedAppsManager> on the server', () => {
  it('renders its loading state without a window or a provider, and sends nothing', async () => {
    const { user_id, client } = await seedApps([{ name: 'Notes' }]);
    expect(typeof window).toBe('undefined');

    // The client as a prop: no provider needed.
    const html = renderToString(
      <ConnectedAppsManager user_id={user_id} client={client} messages={{ loading: 'Einen Moment…' }} />,
    );
    expect(html).toMatch(/^<section class="ca-manager" aria-labelledby="[^"]+">/);
    expect(html).toMatch(/<h2 tabindex="-1" class="ca-title"><span id="[^"]+">Connected apps<\/span><\/h2>/);
    expect(html).toContain('<span class="ca-sr-only">Einen Moment…</span>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countRequests(control, 'GET', stytchListPath(user_id))).toBe(0);
  });
});
