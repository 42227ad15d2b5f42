/**
 * The RBAC resources and actions that guard Stytch's B2B Connected Apps endpoints, as Stytch's
 * frontend SDK annotates its methods (`@rbac` on `organization.members.getConnectedApps` /
 * `revokeConnectedApp` and `self.getConnectedApps` / `revokeConnectedApp`): a member acting on their
 * own apps needs the action on `stytch.self`, on another member's the same action on `stytch.member`.
 * Stytch's default roles are `stytch_member` (every `stytch.self` permission) and `stytch_admin`.
 */
export const CONNECTED_APPS_RBAC = {
  /** The resource of one's own member record. */
  self: 'stytch.self',
  /** The resource of every member of the organization. */
  member: 'stytch.member',
  /** Listing connected apps. */
  list: 'get.connected-apps',
  /** Revoking a connected app. */
  revoke: 'revoke.connected-app',
} as const;

/** Stytch's default member role. */
export const STYTCH_MEMBER_ROLE = 'stytch_member';
/** Stytch's default admin role. */
export const STYTCH_ADMIN_ROLE = 'stytch_admin';
