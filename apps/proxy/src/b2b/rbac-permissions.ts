import { CONNECTED_APPS_RBAC, type RbacPolicy } from '@connected-apps/core/wire';

/** The connected-apps resources and actions (core's wire), under the proxy's short name. */
export const RBAC = CONNECTED_APPS_RBAC;

/** A permission to check: an action on a resource. */
export interface RbacCheck {
  resource_id: string;
  action: string;
}

/**
 * Whether any of `roles` grants `check` in `policy`, the rule Stytch's own SDK applies
 * (`performBaseRoleAuthorizationCheck`, `dist/shared/rbac_local.js`): a role of the policy the member
 * holds, with a permission on exactly that resource whose actions include the action or `*`. Roles the
 * policy does not define grant nothing.
 *
 * @example
 * rolesAllow(policy, ['stytch_admin'], { resource_id: RBAC.member, action: RBAC.revoke }); // true
 */
export function rolesAllow(policy: RbacPolicy, roles: readonly string[], check: RbacCheck): boolean {
  return policy.roles.some(
    (role) =>
      roles.includes(role.role_id) &&
      role.permissions.some(
        (permission) =>
          permission.resource_id === check.resource_id &&
          (permission.actions.includes(check.action) || permission.actions.includes('*')),
      ),
  );
}
