import type { RbacPolicy } from '@connected-apps/core/wire';
import { describe, expect, it } from 'vitest';
import { RBAC, rolesAllow } from './rbac-permissions.ts';

const policy: RbacPolicy = {
  roles: [
    {
      role_id: 'stytch_member',
      description: '',
      permissions: [{ resource_id: RBAC.self, actions: [RBAC.list, RBAC.revoke] }],
    },
    { role_id: 'stytch_admin', description: '', permissions: [{ resource_id: RBAC.member, actions: ['*'] }] },
    {
      role_id: 'auditor',
      description: '',
      permissions: [{ resource_id: RBAC.member, actions: [RBAC.list] }],
    },
  ],
  resources: [],
  scopes: [],
};
const can = (roles: string[], resource_id: string, action: string) =>
  rolesAllow(policy, roles, { resource_id, action });

describe('rolesAllow', () => {
  it('grants an action a held role lists on exactly that resource', () => {
    expect(can(['stytch_member'], RBAC.self, RBAC.revoke)).toBe(true);
    expect(can(['stytch_member'], RBAC.member, RBAC.revoke)).toBe(false);
    expect(can(['auditor'], RBAC.member, RBAC.list)).toBe(true);
    expect(can(['auditor'], RBAC.member, RBAC.revoke)).toBe(false);
  });

  it('reads * as every action of the resource, and no other resource', () => {
    expect(can(['stytch_admin'], RBAC.member, RBAC.revoke)).toBe(true);
    expect(can(['stytch_admin'], RBAC.self, RBAC.revoke)).toBe(false);
  });

  it('grants nothing for roles the policy does not define, or for none', () => {
    expect(can(['connected_apps_admin'], RBAC.member, RBAC.revoke)).toBe(false);
    expect(can([], RBAC.self, RBAC.list)).toBe(false);
  });
});
