import {
  CONNECTED_APPS_RBAC,
  type RbacPermission,
  type RbacPolicy,
  type RbacPolicyResource,
  type RbacPolicyRole,
  STYTCH_ADMIN_ROLE,
  STYTCH_MEMBER_ROLE,
} from '@connected-apps/core/wire';
import type { RbacPolicyInput } from '../b2b-types.ts';
import { EmulatorInputError } from './input-error.ts';

/** Stytch's default roles (`stytch.com/docs/b2b/guides/rbac/stytch-default`). */
export const MEMBER_ROLE = STYTCH_MEMBER_ROLE;
export const ADMIN_ROLE = STYTCH_ADMIN_ROLE;

// The connected-apps actions, on `stytch.self` (one's own apps) and `stytch.member` (any member's).
const CONNECTED_APP_ACTIONS = [CONNECTED_APPS_RBAC.list, CONNECTED_APPS_RBAC.revoke];

// Stytch's default resources and their actions: the SDK's list (`types/lib/b2b/rbac.d.ts`,
// `PolicyResource.actions`) plus the connected-apps actions, which that list predates.
const DEFAULT_RESOURCES: RbacPolicyResource[] = [
  {
    resource_id: 'stytch.organization',
    description: 'Access controls for the Organization.',
    actions: [
      'update.info.name',
      'update.info.slug',
      'update.info.untrusted_metadata',
      'update.info.email_jit_provisioning',
      'update.info.logo_url',
      'update.info.email_invites',
      'update.info.allowed_domains',
      'update.info.default_sso_connection',
      'update.info.sso_jit_provisioning',
      'update.info.mfa_policy',
      'update.info.implicit_roles',
      'delete',
    ],
  },
  {
    resource_id: 'stytch.member',
    description: 'Access controls for all Members in the Organization.',
    actions: [
      'create',
      'update.info.name',
      'update.info.untrusted_metadata',
      'update.info.mfa-phone',
      'update.info.delete.mfa-phone',
      'update.settings.is-breakglass',
      'update.settings.mfa_enrolled',
      'update.settings.roles',
      'search',
      'delete',
      ...CONNECTED_APP_ACTIONS,
    ],
  },
  {
    resource_id: 'stytch.sso',
    description: 'Access controls for SSO Connections.',
    actions: ['create', 'update', 'delete'],
  },
  {
    resource_id: 'stytch.self',
    description: "Access controls for the logged-in Member's own Member.",
    actions: [
      'update.info.name',
      'update.info.untrusted_metadata',
      'update.info.mfa-phone',
      'update.info.delete.mfa-phone',
      'update.info.delete.password',
      'update.settings.mfa_enrolled',
      'delete',
      ...CONNECTED_APP_ACTIONS,
    ],
  },
];

// `stytch_member`: every `stytch.self` permission; `stytch_admin`: every permission on the
// organization, its members and SSO (Stytch's defaults, with `*` for "every action").
const DEFAULT_ROLES: RbacPolicyRole[] = [
  {
    role_id: MEMBER_ROLE,
    description:
      'Granted to all Members upon creation; grants permissions already implicitly granted to logged in Members via the SDK.',
    permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
  },
  {
    role_id: ADMIN_ROLE,
    description: 'Granted to Members who create an organization through the Stytch discovery flow.',
    permissions: ['stytch.organization', 'stytch.member', 'stytch.sso'].map((resource_id) => ({
      resource_id,
      actions: ['*'],
    })),
  },
];

/** The project's RBAC policy: Stytch's defaults, changed by fixtures or the control API at run time. */
export class RbacPolicyStore {
  #policy: RbacPolicy = defaultPolicy();

  get policy(): RbacPolicy {
    return structuredClone(this.#policy);
  }

  /** Back to Stytch's defaults. */
  clear(): void {
    this.#policy = defaultPolicy();
  }

  /**
   * Replaces the custom roles and resources with the input's; a role under a default id replaces that
   * default's permissions. Checked whole before anything changes.
   */
  set(input: RbacPolicyInput): RbacPolicy {
    const roles = list('roles', input.roles).map(checkRole);
    const resources = list('resources', input.resources).map(checkResource);
    const ids = new Set<string>();
    for (const role of roles) {
      if (ids.has(role.role_id))
        throw new EmulatorInputError('bad_request', `Role ${role.role_id} is given twice.`);
      ids.add(role.role_id);
    }
    const defaults = DEFAULT_ROLES.map((role) => roles.find((r) => r.role_id === role.role_id) ?? role);
    const custom = roles.filter((role) => !DEFAULT_ROLES.some((d) => d.role_id === role.role_id));
    this.#policy = {
      roles: structuredClone([...defaults, ...custom]),
      resources: structuredClone([...DEFAULT_RESOURCES, ...resources]),
      scopes: [],
    };
    return this.policy;
  }

  /** Whether any of `roles` permits `action` on `resource_id` (`*` permits every action). */
  permits(roles: readonly string[], resource_id: string, action: string): boolean {
    return this.#policy.roles.some(
      (role) =>
        roles.includes(role.role_id) &&
        role.permissions.some(
          (permission) =>
            permission.resource_id === resource_id &&
            (permission.actions.includes('*') || permission.actions.includes(action)),
        ),
    );
  }

  /** Whether the policy has a role with this id. */
  hasRole(role_id: string): boolean {
    return this.#policy.roles.some((role) => role.role_id === role_id);
  }
}

function defaultPolicy(): RbacPolicy {
  return structuredClone({ roles: DEFAULT_ROLES, resources: DEFAULT_RESOURCES, scopes: [] });
}

function list<T>(field: string, value: T[] | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new EmulatorInputError('bad_request', `rbac_policy.${field} must be a list.`);
  return value;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function checkRole(role: RbacPolicyRole): RbacPolicyRole {
  if (typeof role !== 'object' || role === null || typeof role.role_id !== 'string' || role.role_id === '') {
    throw new EmulatorInputError('bad_request', 'Each role needs a role_id string.');
  }
  if (!Array.isArray(role.permissions) || !role.permissions.every(isPermission)) {
    throw new EmulatorInputError(
      'bad_request',
      `Role ${role.role_id}: permissions must be a list of { resource_id, actions: string[] }.`,
    );
  }
  return {
    role_id: role.role_id,
    description: String(role.description ?? ''),
    permissions: role.permissions,
  };
}

function isPermission(value: unknown): value is RbacPermission {
  const permission = value as RbacPermission;
  return (
    typeof permission === 'object' &&
    permission !== null &&
    typeof permission.resource_id === 'string' &&
    isStrings(permission.actions)
  );
}

function checkResource(resource: RbacPolicyResource): RbacPolicyResource {
  if (typeof resource !== 'object' || resource === null || typeof resource.resource_id !== 'string') {
    throw new EmulatorInputError('bad_request', 'Each resource needs a resource_id string.');
  }
  // Stytch reserves the prefix for its own resources.
  if (resource.resource_id.startsWith('stytch')) {
    throw new EmulatorInputError(
      'bad_request',
      `A custom resource_id may not start with "stytch": ${resource.resource_id}.`,
    );
  }
  if (!isStrings(resource.actions)) {
    throw new EmulatorInputError(
      'bad_request',
      `Resource ${resource.resource_id}: actions must be a list of strings.`,
    );
  }
  return {
    resource_id: resource.resource_id,
    description: String(resource.description ?? ''),
    actions: resource.actions,
  };
}
