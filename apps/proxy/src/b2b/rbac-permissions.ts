import type { RbacPolicy } from '@connected-apps/core/wire';

/**
 * The RBAC resources and actions of Stytch's B2B Connected Apps endpoints, as Stytch's frontend SDK
 * annotates its methods (`@rbac` on `organization.members.getConnectedApps` / `revokeConnectedApp` and
 * `self.getConnectedApps` / `revokeConnectedApp`): a member acting on their own apps needs the action
 * on `stytch.self`, on another member's the same action on `stytch.member`.
 */
export const RBAC = {
  self: 'stytch.self',
  member: 'stytch.member',
  list: 'get.connected-apps',
  revoke: 'revoke.connected-app',
} as const;

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
