import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import type { ProxyConfig } from './proxy-config.ts';

/**
 * The proxy's configuration as an object, for hosts with their own configuration system: the project
 * id and secret, and any other {@link ProxyConfig} field (each defaults as its environment variable
 * does). A whole `ProxyConfig` is one too.
 */
export type ProxyOptions = Pick<ProxyConfig, 'projectId' | 'secret'> &
  Partial<Omit<ProxyConfig, 'projectId' | 'secret'>>;

/** The fields whose variable is not their name in SCREAMING_SNAKE_CASE. */
const VARIABLE_OF: Partial<Record<keyof ProxyConfig, string>> = {
  projectId: 'STYTCH_PROJECT_ID',
  secret: 'STYTCH_SECRET',
  basePath: 'PROXY_BASE_PATH',
};

/** The least valid environment: what is known to be a field is read off the config it loads. */
const REFERENCE_ENV = {
  STYTCH_PROJECT_ID: 'project-test-made-up-for-the-field-list',
  STYTCH_SECRET: 'secret-test-made-up-for-the-field-list',
};

const FIELD_OF = new Map(Object.entries(VARIABLE_OF).map(([field, variable]) => [variable, field]));

/**
 * The environment variable of a {@link ProxyConfig} field: `stytchBaseUrl` → `STYTCH_BASE_URL`.
 *
 * @example
 * variableOf('corsOrigins'); // 'CORS_ORIGINS'
 */
export function variableOf(field: string): string {
  return VARIABLE_OF[field as keyof ProxyConfig] ?? field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** The field of an environment variable: `STYTCH_BASE_URL` → `stytchBaseUrl` (the inverse of {@link variableOf}). */
function fieldOf(variable: string): string {
  return (
    FIELD_OF.get(variable) ?? variable.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
  );
}

/** A field's value as its variable would hold it; `undefined` leaves the variable unset. */
function asVariable(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // `''` is the root in a config, but a blank variable counts as unset.
  if (field === 'basePath' && value === '') return '/';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * Validates a configuration given as an object, exactly as {@link loadConfig} validates the
 * environment — each value is read as its variable would be, with the same defaults — and throws the
 * same {@link ConfigError}, its issues naming the fields (`secret`, `corsOrigins`) rather than the
 * variables. A field it does not know is an issue too. Idempotent: a `ProxyConfig` comes back equal.
 *
 * @example
 * const config = resolveConfig({ projectId: env.STYTCH_PROJECT_ID, secret: await vault.get('stytch'), corsOrigins: ['https://app.example.com'] });
 */
export function resolveConfig(options: ProxyOptions): ProxyConfig {
  const env: Record<string, string | undefined> = {};
  const unknown: string[] = [];
  // A field is known by the config that loading its variable builds: so a field added to
  // `loadConfig` and `ProxyConfig` is an option with nothing to add here.
  const known = new Set(Object.keys(loadConfig(REFERENCE_ENV)));
  for (const [field, value] of Object.entries(options)) {
    if (known.has(field)) env[variableOf(field)] = asVariable(field, value);
    else unknown.push(field);
  }
  let config: ProxyConfig | undefined;
  let issues: ConfigError['issues'] = [];
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues = error.issues.map((issue) => ({ ...issue, variable: fieldOf(issue.variable) }));
  }
  const all = [...issues, ...unknown.map((field) => ({ variable: field, message: 'is not a proxy option' }))];
  if (all.length > 0 || config === undefined) throw new ConfigError(all);
  return config;
}
