import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { thrownConfigError } from '../../test/helpers/thrown-config-error.ts';
import { loadConfig } from './load-config.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { type ProxyOptions, resolveConfig, variableOf } from './resolve-config.ts';

const required = {
  projectId: 'project-test-00000000-0000-4000-8000-000000000000',
  secret: 'secret-test-abc',
};
const requiredEnv = { STYTCH_PROJECT_ID: required.projectId, STYTCH_SECRET: required.secret };

const configError = (options: ProxyOptions) => thrownConfigError(() => resolveConfig(options));

describe('resolveConfig', () => {
  it('fills the same defaults as loadConfig from the two required fields', () => {
    expect(resolveConfig(required)).toEqual(loadConfig(requiredEnv));
  });

  it('takes every field as its variable would give it', () => {
    const config = resolveConfig({
      ...required,
      stytchBaseUrl: 'http://127.0.0.1:4010/',
      basePath: '',
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      adminRole: 'connected_apps_admin',
      port: 0,
      trustProxy: 2,
      logLevel: 'warn',
    });
    expect(config).toEqual(
      loadConfig({
        ...requiredEnv,
        STYTCH_BASE_URL: 'http://127.0.0.1:4010/',
        PROXY_BASE_PATH: '/',
        CORS_ORIGINS: 'https://a.example,http://localhost:5173',
        ADMIN_ROLE: 'connected_apps_admin',
        PORT: '0',
        TRUST_PROXY: '2',
        LOG_LEVEL: 'warn',
      }),
    );
    expect(config).toMatchObject({ stytchBaseUrl: 'http://127.0.0.1:4010', basePath: '', port: 0 });
  });

  it('gives a whole ProxyConfig back unchanged', () => {
    const loaded = loadConfig({
      ...requiredEnv,
      PROXY_BASE_PATH: '/',
      CORS_ORIGINS: 'https://a.example',
      ERROR_DOCS_URL: 'https://docs.example/errors#top',
      TRUST_PROXY: 'true',
    });
    expect(resolveConfig(loaded)).toEqual(loaded);
  });

  it('names every bad field, not its variable, in one ConfigError', () => {
    const error = configError({
      projectId: 'nope',
      secret: 'has space',
      port: 80.5,
      corsOrigins: ['https://ok.example', '*'],
      basePath: 'api',
      rateLimitPerUser: 0,
      // A JavaScript caller is not stopped by the type.
      logLevel: 'loud' as ProxyConfig['logLevel'],
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(
      ['basePath', 'corsOrigins', 'logLevel', 'port', 'projectId', 'rateLimitPerUser', 'secret'].sort(),
    );
    expect(error.message).toContain('port: must be an integer from 0 to 65535 (got "80.5")');
    expect(error.message).not.toContain('has space');
  });

  it('refuses a field it does not know, and a missing secret, at once', () => {
    const options = { projectId: required.projectId, secret: '', projectID: 'typo' } as ProxyOptions;
    const error = configError(options);
    expect(error.issues).toEqual([
      { variable: 'secret', message: 'is required' },
      { variable: 'projectID', message: 'is not a proxy option' },
    ]);
  });

  it('maps every field of ProxyConfig to the variable its documentation names', () => {
    // Each field's doc comment starts with its variable: `STYTCH_BASE_URL`: …
    const source = readFileSync(fileURLToPath(new URL('./proxy-config.ts', import.meta.url)), 'utf8');
    const documented = [...source.matchAll(/\/\*\*\s*(?:\*\s*)?`([A-Z0-9_]+)`[\s\S]*?\*\/\s*(\w+)\??:/g)].map(
      ([, variable, field]) => [field, variable],
    );
    const fields = Object.keys(loadConfig(requiredEnv));
    expect(documented.map(([field]) => field).sort()).toEqual([...fields].sort());
    for (const [field, variable] of documented) expect(variableOf(field as string)).toBe(variable);
  });
});

describe('loadConfig without Node', () => {
  it('runs where there is no process (a Worker passes its env)', async () => {
    // The config modules bundled for a neutral platform and run in a bare V8 context: no `process`,
    // no `require`, no Node built-ins — as inside workerd.
    const bundled = await build({
      stdin: {
        contents: `import { loadConfig } from './load-config.ts'; import { resolveConfig } from './resolve-config.ts';
          globalThis.result = { loaded: loadConfig(globalThis.env), resolved: resolveConfig({ projectId: globalThis.env.STYTCH_PROJECT_ID, secret: globalThis.env.STYTCH_SECRET }) };`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      platform: 'neutral',
      format: 'iife',
      conditions: ['@connected-apps/source'],
      write: false,
      logLevel: 'silent',
    });
    // The sandbox is the context's global: it gets URL (a web API, not V8's) and the Worker's env.
    const sandbox: { URL: typeof URL; env: Record<string, string>; result?: Record<string, ProxyConfig> } = {
      URL,
      env: { ...requiredEnv, CORS_ORIGINS: 'https://a.example' },
    };
    runInNewContext(bundled.outputFiles[0]?.text ?? '', sandbox);
    expect(runInNewContext('typeof process', {})).toBe('undefined');
    expect(sandbox.result?.loaded).toMatchObject({
      projectId: required.projectId,
      corsOrigins: ['https://a.example'],
    });
    expect(sandbox.result?.resolved).toMatchObject({ projectId: required.projectId, basePath: '/api' });
  });
});
