import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createStytchClient } from '@connected-apps/core';
import { createUndiciTransport } from '@connected-apps/core/node';
const env = JSON.parse(process.env.PROXY_ENV!);
const stytch = createStytchClient({ project_id: env.STYTCH_PROJECT_ID, secret: env.STYTCH_SECRET, baseUrl: env.STYTCH_BASE_URL, transport: createUndiciTransport() });
const app = new Hono();
app.post('/api/v1/users/:user_id/connected_apps/:connected_app_id/revoke', async (c) => {
  await c.req.text();
  const body = await stytch.users.revoke({ user_id: c.req.param('user_id'), connected_app_id: c.req.param('connected_app_id') });
  return c.json(body);
});
const server = createServer(getRequestListener(app.fetch));
server.listen(0, '127.0.0.1', () => process.send!(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
let base = process.cpuUsage();
process.on('message', (m) => { if (m === 'mark') { base = process.cpuUsage(); return; } const u = process.cpuUsage(base); process.send!({ cpu: u.user + u.system }); process.exit(0); });
