import { createServer } from 'node:http';
import { Agent, request } from '../../../packages/core/node_modules/undici/index.js';
const env = JSON.parse(process.env.PROXY_ENV!);
const agent = new Agent({ connections: 128 });
const auth = `Basic ${Buffer.from(`${env.STYTCH_PROJECT_ID}:${env.STYTCH_SECRET}`).toString('base64')}`;
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const up = await request(env.STYTCH_BASE_URL + req.url!.replace(/^\/api/, ''), { method: req.method as 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: Buffer.concat(chunks), dispatcher: agent });
  const text = await up.body.text();
  res.writeHead(up.statusCode, { 'content-type': 'application/json' }).end(text);
});
server.listen(0, '127.0.0.1', () => {
  process.send!(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
let base = process.cpuUsage();
process.on('message', (m) => { if (m === 'mark') { base = process.cpuUsage(); return; } const u = process.cpuUsage(base); process.send!({ cpu: u.user + u.system }); process.exit(0); });
