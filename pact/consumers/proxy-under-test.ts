import { createProxyApp, loadConfig, type ProxyApp, type ProxyDeps } from '@connected-apps/proxy';
import { ALLOWED_ORIGIN } from '@connected-apps/testkit';
import { FAKE_PROJECT_ID, FAKE_SECRET } from '../support/matchers.ts';

/**
 * The real proxy (its default Node wiring: core's Stytch client on the undici transport, jose's remote
 * JWKS, Stytch's sessions/authenticate) pointed at Pact's mock Stytch, with fake credentials.
 * Upstream retries are off so an interaction is one request; the retry policy has its own tests.
 */
export function proxyAgainst(
  stytchBaseUrl: string,
  deps: Pick<ProxyDeps, 'jwks' | 'b2bJwks'> = {},
): ProxyApp {
  const config = loadConfig({
    STYTCH_PROJECT_ID: FAKE_PROJECT_ID,
    STYTCH_SECRET: FAKE_SECRET,
    STYTCH_BASE_URL: stytchBaseUrl,
    CORS_ORIGINS: ALLOWED_ORIGIN,
    UPSTREAM_RETRIES: '0',
    LOG_LEVEL: 'silent',
  });
  return createProxyApp(config, deps);
}

/** Sends one request through the proxy's fetch handler (no port needed) and reads the JSON answer. */
export async function callProxy(
  proxy: ProxyApp,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
  if (method === 'POST') {
    init.body = '{}';
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await proxy.fetch(new Request(`http://proxy.test${path}`, init));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
