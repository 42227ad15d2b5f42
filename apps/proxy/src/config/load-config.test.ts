import { describe, expect, it } from 'vitest';
import { thrownConfigError } from '../../test/helpers/thrown-config-error.ts';
import { loadConfig } from './load-config.ts';

const required = {
  STYTCH_PROJECT_ID: 'project-test-00000000-0000-4000-8000-000000000000',
  STYTCH_SECRET: 'secret-test-abc',
};

const configError = (env: Record<string, string | undefined>) => thrownConfigError(() => loadConfig(env));

describe('loadConfig', () => {
  it('fills every default from the two required variables', () => {
    expect(loadConfig(required)).toMatchObject({
      stytchBaseUrl: 'https://test.stytch.com',
      port: 8787,
      host: '127.0.0.1',
      basePath: '/api',
      corsOrigins: [],
      adminRole: undefined,
      sessionJwtMaxAgeSeconds: 60,
      rateLimitPerAddress: 300,
      rateLimitPerUser: 120,
      upstreamTimeoutMs: 5000,
      upstreamRetries: 2,
      logLevel: 'info',
      trustProxy: 0,
      errorDocsUrl: 'https://github.com/connected-apps/connected-apps/blob/main/apps/proxy/docs/errors.md',
    });
  });

  it('targets the live API for a live project and the given base URL otherwise', () => {
    expect(loadConfig({ ...required, STYTCH_PROJECT_ID: 'project-live-abc' }).stytchBaseUrl).toBe(
      'https://api.stytch.com',
    );
    expect(loadConfig({ ...required, STYTCH_BASE_URL: 'http://127.0.0.1:4010/' }).stytchBaseUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('parses lists, paths and flags', () => {
    const config = loadConfig({
      ...required,
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      PROXY_BASE_PATH: '/',
      TRUST_PROXY: 'true',
      ADMIN_ROLE: 'connected_apps_admin',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.basePath).toBe('');
    expect(config.trustProxy).toBe(1);
    expect(config.adminRole).toBe('connected_apps_admin');
  });

  it('names every missing or invalid variable in one error', () => {
    const error = configError({
      STYTCH_PROJECT_ID: 'nope',
      PORT: 'eighty',
      CORS_ORIGINS: 'https://ok.example,*',
      PROXY_BASE_PATH: 'api',
      STYTCH_BASE_URL: 'ftp://x',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_PER_USER: '0',
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(
      [
        'CORS_ORIGINS',
        'LOG_LEVEL',
        'PORT',
        'PROXY_BASE_PATH',
        'RATE_LIMIT_PER_USER',
        'STYTCH_BASE_URL',
        'STYTCH_PROJECT_ID',
        'STYTCH_SECRET',
      ].sort(),
    );
    expect(error.message).toContain('STYTCH_SECRET: is required');
    expect(error.message).toContain('PORT: must be an integer from 0 to 65535 (got "eighty")');
  });

  it('never echoes the secret', () => {
    const error = configError({ ...required, STYTCH_SECRET: 'secret-test-has space' });
    expect(error.message).toContain('STYTCH_SECRET');
    expect(error.message).not.toContain('has space');
  });

  it.each([
    ['a space', 'secret-test-has space'],
    ['a line break', 'secret-test-abc\ndef'],
    ['a tab', 'secret-test-abc\tdef'],
    ['a control character', 'secret-test-abc\u0007def'],
    ['a lone surrogate', 'secret-test-abc\ud800def'],
  ])('refuses a secret with %s, without echoing it', (_name, secret) => {
    const error = configError({ ...required, STYTCH_SECRET: secret });
    expect(error.message).toContain('STYTCH_SECRET: must be a single token');
    expect(error.message).not.toContain('def');
  });

  it('accepts a non-ASCII secret and a colon in it (Basic auth is encoded as UTF-8)', () => {
    expect(loadConfig({ ...required, STYTCH_SECRET: 'secret-test-ünïcode:日本' }).secret).toBe(
      'secret-test-ünïcode:日本',
    );
  });

  it('treats blank values as unset', () => {
    expect(configError({ STYTCH_PROJECT_ID: ' ', STYTCH_SECRET: '' }).issues).toHaveLength(2);
  });

  it('reads REDIS_URL (redis:// or rediss://) and REDIS_TIMEOUT_MS, off and 200 ms by default', () => {
    expect(loadConfig(required)).toMatchObject({ redisUrl: undefined, redisTimeoutMs: 200 });
    const url = 'rediss://default:made-up-password@redis.example:6380/2';
    expect(loadConfig({ ...required, REDIS_URL: url, REDIS_TIMEOUT_MS: '50' })).toMatchObject({
      redisUrl: url,
      redisTimeoutMs: 50,
    });
  });

  it.each([
    'http://:made-up-password@127.0.0.1:6379',
    'redis://:made-up-password@127.0.0.1:6379/keys',
    'made-up-password',
  ])('refuses REDIS_URL %s without echoing it', (url) => {
    const error = configError({ ...required, REDIS_URL: url, REDIS_TIMEOUT_MS: '0' });
    expect(error.issues.map((issue) => issue.variable)).toEqual(['REDIS_URL', 'REDIS_TIMEOUT_MS']);
    expect(error.message).not.toContain('made-up-password');
  });
});
