import { captureLogs, proxyListPath, proxyRevokePath } from '@connected-apps/testkit';
import { createProxyApp } from '../../src/create-proxy-app.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { type JwksServer, type SessionClaims, signSession } from './signing-keys.ts';
import { testConfig } from './test-config.ts';

export const ALICE = 'user-test-aaaaaaaa-0000-4000-8000-000000000001';
export const BOB = 'user-test-bbbbbbbb-0000-4000-8000-000000000002';
export const APP_ID = 'connected-app-test-cccccccc-0000-4000-8000-000000000003';

/** The proxy app in front of a JWKS server that answers 404 to anything else (so forwarding fails 502). */
export function createHarness(jwks: JwksServer, env: Record<string, string> = {}) {
  const logs = captureLogs();
  const proxy = createProxyApp(testConfig(jwks.url, env), { logger: createLogger('info', logs) });
  return {
    proxy,
    logs,
    request: (path: string, init?: RequestInit) => proxy.app.request(path, init),
    jwtFor: (claims: SessionClaims = {}) => signSession(jwks.keys.privateKey, claims),
  };
}

export const listPath = (userId: string) => proxyListPath(userId);
export const revokePath = (userId: string, appId = APP_ID) => proxyRevokePath(userId, appId);
