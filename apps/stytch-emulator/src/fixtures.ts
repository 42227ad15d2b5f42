import { readFile } from 'node:fs/promises';
import { Directory } from './domain/directory.ts';
import type { IdKind } from './domain/ids.ts';
import { EmulatorInputError } from './domain/input-error.ts';
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
      'Fixtures must be a JSON object with users, connected_apps, grants.',
    );
  }
  const fixtures = value as Record<string, unknown>;
  for (const key of ['users', 'connected_apps', 'grants'] as const) {
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

/**
 * Loads fixtures into the directory: users, then apps, then grants. The whole document is first
 * loaded into a scratch directory seeded with nothing, so a bad entry rejects the load before
 * anything changes (grants may only reference users and apps of the same document or already loaded).
 */
export function loadFixtures(target: Directory, fixtures: Fixtures, newId: (kind: IdKind) => string): void {
  const checked = asFixtures(fixtures);
  applyTo(
    new Directory(newId),
    checked,
    (id) => target.findUser(id),
    (id) => target.findApp(id),
  );
  applyTo(target, checked);
}

function applyTo(
  directory: Directory,
  fixtures: Fixtures,
  existingUser?: (id: string) => ReturnType<Directory['findUser']>,
  existingApp?: (id: string) => ReturnType<Directory['findApp']>,
): void {
  const where = (key: string, index: number, error: unknown): never => {
    if (error instanceof EmulatorInputError) {
      throw new EmulatorInputError(error.errorType, `fixtures.${key}[${index}]: ${error.message}`);
    }
    throw error;
  };
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
