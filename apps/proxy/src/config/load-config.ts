import { defaultBaseUrl } from '@connected-apps/core/wire';
import { DEFAULT_ERROR_DOCS_URL } from '../errors/error-catalog.ts';
import { readAuditConfig } from './audit-config.ts';
import { ConfigError, type ConfigIssue } from './config-error.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { parseRedisUrl } from './redis-url.ts';

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const PROJECT_ID = /^project-(test|live)-[A-Za-z0-9-]{1,100}$/;
const BASE_PATH = /^(\/[A-Za-z0-9._~-]+)*$/;

/**
 * Reads and validates the proxy's configuration from an environment object. Blank values count as
 * unset. Throws one {@link ConfigError} naming every missing or invalid variable.
 *
 * @example
 * const config = loadConfig(process.env);
 * const config = loadConfig({ STYTCH_PROJECT_ID: 'project-test-…', STYTCH_SECRET: 'secret-test-…' });
 */
export function loadConfig(env: Env): ProxyConfig {
  const issues: ConfigIssue[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const fail = (variable: string, message: string): undefined => {
    issues.push({ variable, message });
    return undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      fail(name, `must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  };

  const projectId = read('STYTCH_PROJECT_ID');
  if (projectId === undefined) fail('STYTCH_PROJECT_ID', 'is required (project-test-… or project-live-…)');
  else if (!PROJECT_ID.test(projectId)) {
    fail(
      'STYTCH_PROJECT_ID',
      `must look like project-test-… or project-live-… (got ${JSON.stringify(projectId)})`,
    );
  }

  // The secret's value is never echoed back, even when it is wrong.
  const secret = read('STYTCH_SECRET');
  if (secret === undefined) fail('STYTCH_SECRET', 'is required');
  // Any UTF-8 text (core's Basic auth encodes it), but one token: a space, a line break or a control
  // character is a paste accident, and a lone surrogate could not be sent as the secret it looks like.
  else if (!/^[^\s\p{Cc}\p{Cs}]{1,200}$/u.test(secret)) {
    fail(
      'STYTCH_SECRET',
      'must be a single token of at most 200 characters: no spaces, line breaks or control characters',
    );
  }

  const stytchBaseUrl = parseBaseUrl(read('STYTCH_BASE_URL'), projectId, fail);
  const basePath = parseBasePath(read('PROXY_BASE_PATH'), fail);
  const corsOrigins = parseOrigins(read('CORS_ORIGINS'), fail);
  const errorDocsUrl = read('ERROR_DOCS_URL') ?? DEFAULT_ERROR_DOCS_URL;
  if (!URL.canParse(errorDocsUrl))
    fail('ERROR_DOCS_URL', `must be an absolute URL (got ${JSON.stringify(errorDocsUrl)})`);

  const adminRole = read('ADMIN_ROLE');
  if (adminRole !== undefined && !/^[\w.:-]{1,100}$/.test(adminRole)) {
    fail(
      'ADMIN_ROLE',
      `must be a role id of letters, digits, '_', '-', '.', ':' (got ${JSON.stringify(adminRole)})`,
    );
  }

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(logLevel)})`);
  }

  const trustProxyRaw = read('TRUST_PROXY');
  const trustProxy =
    trustProxyRaw === 'true' ? 1 : trustProxyRaw === 'false' ? 0 : integer('TRUST_PROXY', 0, 0, 10);

  const config: ProxyConfig = {
    projectId: projectId ?? '',
    secret: secret ?? '',
    stytchBaseUrl: stytchBaseUrl ?? '',
    port: integer('PORT', 8787, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    basePath: basePath ?? '/api',
    corsOrigins,
    adminRole,
    sessionJwtMaxAgeSeconds: integer('SESSION_JWT_MAX_AGE_SECONDS', 60, 1, 86_400),
    sessionCacheSize: integer('SESSION_CACHE_SIZE', 10_000, 1, 10_000_000),
    rbacPolicyCacheSeconds: integer('RBAC_POLICY_CACHE_SECONDS', 300, 1, 86_400),
    rateLimitWindowMs: integer('RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
    rateLimitPerAddress: integer('RATE_LIMIT_PER_ADDRESS', 300, 1, 1_000_000_000),
    rateLimitPerUser: integer('RATE_LIMIT_PER_USER', 120, 1, 1_000_000_000),
    rateLimitMaxKeys: integer('RATE_LIMIT_MAX_KEYS', 10_000, 1, 10_000_000),
    redisUrl: parseRedisUrl(read('REDIS_URL'), fail),
    redisTimeoutMs: integer('REDIS_TIMEOUT_MS', 200, 10, 10_000),
    upstreamTimeoutMs: integer('UPSTREAM_TIMEOUT_MS', 5000, 100, 120_000),
    upstreamRetries: integer('UPSTREAM_RETRIES', 2, 0, 10),
    logLevel: logLevel as ProxyConfig['logLevel'],
    trustProxy,
    errorDocsUrl: errorDocsUrl.replace(/#.*$/, ''),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    shutdownReadinessDelayMs: integer('SHUTDOWN_READINESS_DELAY_MS', 0, 0, 600_000),
    ...readAuditConfig({ read, integer, fail }),
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

function parseBaseUrl(
  raw: string | undefined,
  projectId: string | undefined,
  fail: (variable: string, message: string) => undefined,
): string | undefined {
  if (raw === undefined) {
    // Stytch's own rule: live projects talk to the live API, everything else to the test API.
    return defaultBaseUrl(projectId ?? '');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('STYTCH_BASE_URL', `must be an absolute http(s) URL (got ${JSON.stringify(raw)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('STYTCH_BASE_URL', `must use http or https (got ${JSON.stringify(raw)})`);
  }
  if (url.username || url.password || url.search || url.hash) {
    return fail('STYTCH_BASE_URL', 'must not carry credentials, a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function parseBasePath(
  raw: string | undefined,
  fail: (variable: string, message: string) => undefined,
): string | undefined {
  if (raw === undefined) return undefined;
  const path = raw === '/' ? '' : raw.replace(/\/+$/, '');
  if (!BASE_PATH.test(path)) {
    return fail(
      'PROXY_BASE_PATH',
      `must be '/' or a path like /api of plain segments (got ${JSON.stringify(raw)})`,
    );
  }
  return path;
}

function parseOrigins(
  raw: string | undefined,
  fail: (variable: string, message: string) => undefined,
): string[] {
  if (raw === undefined) return [];
  const origins: string[] = [];
  for (const entry of raw.split(',')) {
    const origin = entry.trim();
    if (origin === '') continue;
    // Credentials are allowed, so a wildcard would let any site act as the signed-in user.
    const valid = URL.canParse(origin) && new URL(origin).origin === origin && origin !== 'null';
    if (!valid) {
      fail(
        'CORS_ORIGINS',
        `each entry must be an exact origin like https://app.example.com (got ${JSON.stringify(origin)})`,
      );
    } else origins.push(origin);
  }
  return origins;
}
