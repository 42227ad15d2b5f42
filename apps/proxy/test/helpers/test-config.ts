import { loadConfig } from '../../src/config/load-config.ts';
import type { ProxyConfig } from '../../src/config/proxy-config.ts';
import { PROJECT_ID, SECRET } from './signing-keys.ts';

/** A config for app-level tests: upstream at `baseUrl`, no retries so failures answer fast. */
export function testConfig(baseUrl: string, env: Record<string, string> = {}): ProxyConfig {
  return loadConfig({
    STYTCH_PROJECT_ID: PROJECT_ID,
    STYTCH_SECRET: SECRET,
    STYTCH_BASE_URL: baseUrl,
    UPSTREAM_RETRIES: '0',
    UPSTREAM_TIMEOUT_MS: '2000',
    CORS_ORIGINS: 'https://app.example.com',
    ADMIN_ROLE: 'connected_apps_admin',
    ...env,
  });
}
