// Core's own B2B types, by namespace: the B2B hooks' types must be exactly these.
import type * as core from '@connected-apps/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type OrganizationConnectedAppDetails,
  type UseMemberConnectedAppsResult,
  type UseOrganizationConnectedAppResult,
  type UseRevokeMemberConnectedAppOptions,
  type UseRevokeMemberConnectedAppResult,
  useMemberConnectedApps,
  useRevokeMemberConnectedApp,
} from '../../src/b2b/index.ts';

declare const revoke: UseRevokeMemberConnectedAppResult;
declare const mine: UseMemberConnectedAppsResult;
declare const view: UseOrganizationConnectedAppResult;

describe('B2B hook types', () => {
  it('revokes with core’s request and answers with core’s response', () => {
    expectTypeOf(revoke.variables).toEqualTypeOf<
      core.B2BOrganizationsMembersConnectedAppsRevokeRequest | undefined
    >();
    expectTypeOf(revoke.revokeAsync).returns.toEqualTypeOf<
      Promise<core.B2BOrganizationsMembersConnectedAppsRevokeResponse>
    >();
    if (revoke.status === 'error') expectTypeOf(revoke.error).toEqualTypeOf<core.ConnectedAppsError>();
    expectTypeOf<UseRevokeMemberConnectedAppOptions['client']>().toEqualTypeOf<
      core.ConnectedAppsB2BClient | undefined
    >();
  });

  it('lists core’s member apps and shows the per-app view without its envelope', () => {
    if (mine.status === 'success') expectTypeOf(mine.data).toEqualTypeOf<core.MemberConnectedApp[]>();
    if (view.status === 'success') {
      expectTypeOf(view.data.active_members).toEqualTypeOf<core.OrganizationConnectedAppActiveMember[]>();
      expectTypeOf(view.data).toEqualTypeOf<OrganizationConnectedAppDetails>();
    }
    expectTypeOf<OrganizationConnectedAppDetails>().not.toHaveProperty('request_id');
  });

  it('takes ids that may still be unknown, and no other shape', () => {
    expectTypeOf(useMemberConnectedApps).toBeCallableWith({ organization_id: 'acme', member_id: undefined });
    // @ts-expect-error the member is required, even if unknown
    useMemberConnectedApps({ organization_id: 'acme' });
    expectTypeOf(useRevokeMemberConnectedApp).toBeCallableWith({ optimistic: true });
  });
});
