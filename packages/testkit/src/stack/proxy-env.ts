import type { Emulator } from '@connected-apps/stytch-emulator';

/** The page origin the test proxy allows with credentials (CORS and the cookie origin check). */
export const ALLOWED_ORIGIN = 'https://app.example.com';

/** The role whose sessions may act on any user's apps, as the test proxy is configured. */
export const ADMIN_ROLE = 'connected_apps_admin';

/**
 * The proxy's environment for a test against `emulator`: its project id, secret and URL, the
 * {@link ALLOWED_ORIGIN}, the {@link ADMIN_ROLE}, an upstream timeout short enough for a 504 test
 * (1500 ms, far above the emulator's own answer time) and `info` logs; `env` wins over each.
 *
 * @example
 * const proxy = await startProxy(proxyEnv(emulator, { UPSTREAM_RETRIES: '0' }), { port: 0 });
 */
export function proxyEnv(emulator: Emulator, env: Record<string, string> = {}): Record<string, string> {
  return {
    STYTCH_PROJECT_ID: emulator.projectId,
    STYTCH_SECRET: emulator.secret,
    STYTCH_BASE_URL: emulator.url,
    CORS_ORIGINS: ALLOWED_ORIGIN,
    ADMIN_ROLE,
    UPSTREAM_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'info',
    ...env,
  };
}
