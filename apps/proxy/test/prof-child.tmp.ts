import { startProxy } from '../src/index.ts';
const proxy = await startProxy({ ...JSON.parse(process.env.PROXY_ENV!), ...(process.env.LVL ? { LOG_LEVEL: process.env.LVL } : {}) }, { port: 0, logDestination: { write() {} } as never });
process.send!(proxy.url);
let base = process.cpuUsage();
process.on('message', async (m) => { if (m === 'mark') { base = process.cpuUsage(); return; } const u = process.cpuUsage(base); process.send!({ cpu: u.user + u.system }); await proxy.stop(); process.exit(0); });
