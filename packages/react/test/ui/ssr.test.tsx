// @vitest-environment node

import { countRequests, stytchListPath } from '@connected-apps/testkit';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectedAppsProvider } from '../../src/index.ts';
import { ConnectedAppsManager } from '../../src/ui/index.ts';
import { control, seedUser } from '../support/stack.ts';

describe('<ConnectedAppsManager> on the server', () => {
  it('renders its loading state without a window and sends nothing', async () => {
    expect(typeof window).toBe('undefined');
    const user = await seedUser(['Calendar Sync']);

    const html = renderToString(
      <ConnectedAppsProvider client={user.client}>
        <ConnectedAppsManager user_id={user.user_id} messages={{ loading: 'Einen Moment…' }} />
      </ConnectedAppsProvider>,
    );
    expect(html).toMatch(/^<section class="ca-manager" aria-labelledby="[^"]+">/);
    expect(html).toMatch(/<h2 tabindex="-1" class="ca-title"><span id="[^"]+">Connected apps<\/span><\/h2>/);
    expect(html).toContain('<span class="ca-sr-only">Einen Moment…</span>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countRequests(control, 'GET', stytchListPath(user.user_id))).toBe(0);
  });
});
