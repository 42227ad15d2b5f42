import { getRequestListener } from '@hono/node-server';
import { createProxyApp } from '../src/index.ts';
import { createLogger } from '../src/logging/create-logger.ts';
import { startJwksServer, signSession } from './helpers/signing-keys.ts';
import { testConfig } from './helpers/test-config.ts';
getRequestListener(() => new Response('')); // installs node-server's lightweight Request/Response globals
const jwks = await startJwksServer();
const jwt = await signSession(jwks.keys.privateKey, { sub: 'user-test-a' });
const stytch = { users: { revoke: async () => ({ request_id: 'request-id-test-1', status_code: 200 }), connectedApps: async () => ({ request_id: 'r', status_code: 200, connected_apps: [] }) } };
const proxy = createProxyApp(testConfig(jwks.url, { RATE_LIMIT_PER_ADDRESS: '1000000000', RATE_LIMIT_PER_USER: '1000000000' }), { stytch, logger: createLogger('info', { write() {} } as never) });
const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', 'content-length': '0' };
const req = () => new Request('http://x/api/v1/users/user-test-a/connected_apps/app-1/revoke', { method: 'POST', headers });
const run = async (n: number) => { for (let i = 0; i < n; i++) { const r = await proxy.fetch(req()); if (r.status !== 200) throw new Error(String(r.status)); } };
await run(30000);
let best = 1e9; for (let k = 0; k < 3; k++) { const t = performance.now(); await run(50000); best = Math.min(best, (performance.now() - t) / 50000 * 1000); }
let base = 1e9; for (let k = 0; k < 3; k++) { const t = performance.now(); for (let i = 0; i < 50000; i++) req(); base = Math.min(base, (performance.now() - t) / 50000 * 1000); }
console.log(`ABL=[${process.env.ABL ?? ''}] µs/req`, (best - base).toFixed(2));
await jwks.stop(); await proxy.close();
