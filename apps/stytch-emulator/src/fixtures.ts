import { readFile } from 'node:fs/promises';
import { Directory } from './domain/directory.ts';
import type { IdKind } from './domain/ids.ts';
import { EmulatorInputError } from './domain/input-error.ts';
import type { OrganizationDirectory } from './domain/organizations.ts';
import { RbacPolicyStore } from './domain/rbac-policy.ts';
import type { Fixtures } from './types.ts';

/** Reads and checks a fixture file (JSON, see the README's "Fixture format"). */
export async function readFixturesFile(path: string): Promise<Fixtures> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Fixture file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return asFixtures(value);
}

/** Checks the outer shape of a fixture document; entries are checked as they load. */
export function asFixtures(value: unknown): Fixtures {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorInputError(
      'bad_request',
      'Fixtures must be a JSON object with users, connected_apps, grants, organizations, members, member_grants, rbac_policy.',
    );
  }
  const fixtures = value as Record<string, unknown>;
  const policy = fixtures.rbac_policy;
  if (policy !== undefined && (typeof policy !== 'object' || policy === null || Array.isArray(policy))) {
    throw new EmulatorInputError(
      'bad_request',
      'fixtures.rbac_policy must be an object with roles and resources.',
    );
  }
  for (const key of [
    'users',
    'connected_apps',
    'grants',
    'organizations',
    'members',
    'member_grants',
  ] as const) {
    const list = fixtures[key];
    if (
      list !== undefined &&
      (!Array.isArray(list) || list.some((item) => typeof item !== 'object' || item === null))
    ) {
      throw new EmulatorInputError('bad_request', `fixtures.${key} must be a list of objects.`);
    }
  }
  return fixtures as Fixtures;
}

/** The stores fixtures load into. */
export interface FixtureTarget {
  directory: Directory;
  organizations: OrganizationDirectory;
  rbac: RbacPolicyStore;
}

/**
 * Loads fixtures: users, apps and grants, then the RBAC policy, organizations, members and member
 * grants. The whole document is first loaded into scratch stores (an empty directory, a copy of the
 * organizations), so a bad entry rejects the load before anything changes (grants may only reference
 * users, members and apps of the same document or already loaded).
 */
export function loadFixtures(
  target: FixtureTarget,
  fixtures: Fixtures,
  newId: (kind: IdKind) => string,
): void {
  const checked = asFixtures(fixtures);
  const scratch = new Directory(newId);
  applyTo(
    scratch,
    checked,
    (id) => target.directory.findUser(id),
    (id) => target.directory.findApp(id),
  );
  applyB2B(
    target.organizations.clone((id) => scratch.findApp(id) ?? target.directory.findApp(id)),
    new RbacPolicyStore(),
    checked,
  );
  applyTo(target.directory, checked);
  applyB2B(target.organizations, target.rbac, checked);
}

function applyB2B(organizations: OrganizationDirectory, rbac: RbacPolicyStore, fixtures: Fixtures): void {
  const each = <T>(key: keyof Fixtures, list: T[] | undefined, apply: (item: T) => unknown) =>
    list?.forEach((item, i) => {
      try {
        apply(item);
      } catch (error) {
        where(key, i, error);
      }
    });
  if (fixtures.rbac_policy) {
    try {
      rbac.set(fixtures.rbac_policy);
    } catch (error) {
      if (error instanceof EmulatorInputError) {
        throw new EmulatorInputError(error.errorType, `fixtures.rbac_policy: ${error.message}`);
      }
      throw error;
    }
  }
  each('organizations', fixtures.organizations, (organization) =>
    organizations.upsertOrganization(organization),
  );
  each('members', fixtures.members, (member) => organizations.upsertMember(member));
  each('member_grants', fixtures.member_grants, (grant) => organizations.grant(grant));
}

function where(key: string, index: number, error: unknown): never {
  if (error instanceof EmulatorInputError) {
    throw new EmulatorInputError(error.errorType, `fixtures.${key}[${index}]: ${error.message}`);
  }
  throw error;
}

function applyTo(
  directory: Directory,
  fixtures: Fixtures,
  existingUser?: (id: string) => ReturnType<Directory['findUser']>,
  existingApp?: (id: string) => ReturnType<Directory['findApp']>,
): void {
  fixtures.users?.forEach((user, i) => {
    try {
      directory.upsertUser(user);
    } catch (error) {
      where('users', i, error);
    }
  });
  fixtures.connected_apps?.forEach((app, i) => {
    try {
      directory.upsertApp(app);
    } catch (error) {
      where('connected_apps', i, error);
    }
  });
  fixtures.grants?.forEach((grant, i) => {
    try {
      // In the scratch pass, users and apps loaded earlier into the real directory are copied in.
      const user = directory.findUser(String(grant.user_id)) ?? existingUser?.(String(grant.user_id));
      if (user && !directory.findUser(user.user_id)) {
        directory.upsertUser({
          user_id: user.user_id,
          ...(user.external_id ? { external_id: user.external_id } : {}),
        });
      }
      const app =
        directory.findApp(String(grant.connected_app_id)) ?? existingApp?.(String(grant.connected_app_id));
      if (app && !directory.findApp(app.connected_app_id)) directory.upsertApp(app);
      directory.grant(grant);
    } catch (error) {
      where('grants', i, error);
    }
  });
}
