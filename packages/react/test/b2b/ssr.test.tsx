// @vitest-environment node

import { quietPeriod } from '@connected-apps/testkit';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ConnectedAppsB2BProvider,
  useMemberConnectedApps,
  useOrganizationConnectedApp,
  useOrganizationConnectedApps,
  useRevokeMemberConnectedApp,
} from '../../src/b2b/index.ts';
import { requestsFor, seedTeam } from './support.tsx';

function Page({ organization_id, member_id, connected_app_id }: Record<string, string>) {
  const mine = useMemberConnectedApps({ organization_id, member_id });
  const all = useOrganizationConnectedApps({ organization_id });
  const one = useOrganizationConnectedApp({ organization_id, connected_app_id });
  const revoke = useRevokeMemberConnectedApp();
  return (
    <p>
      {mine.status} {all.status} {one.status} {revoke.status}
    </p>
  );
}

describe('B2B hooks in server rendering', () => {
  it('render without a window and send nothing from the server', async () => {
    expect(typeof window).toBe('undefined');
    const { organization, admin, calendar } = await seedTeam();

    const html = renderToString(
      <ConnectedAppsB2BProvider client={admin.client}>
        <Page
          organization_id={organization.organization_id}
          member_id={admin.member_id}
          connected_app_id={calendar}
        />
      </ConnectedAppsB2BProvider>,
    );
    expect(html).toContain('pending<!-- --> <!-- -->pending<!-- --> <!-- -->pending<!-- --> <!-- -->idle');
    await quietPeriod(50);
    expect(await requestsFor(organization.organization_id)).toEqual([]);
  });
});
