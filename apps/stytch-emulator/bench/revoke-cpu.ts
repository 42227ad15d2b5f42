/**
 * Measures the emulator's own CPU per revoke over real HTTP: the emulator runs in a child process
 * (the CLI), this process sends sequential keep-alive revokes, and the child's CPU time is read from
 * /proc before and after. Linux only. Usage: node --conditions=@connected-apps/source bench/revoke-cpu.ts [requests]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { basicAuthorization, STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { createControlClient, DEFAULT_PROJECT_ID, DEFAULT_SECRET } from '../src/index.ts';

const requests = Number(process.argv[2] ?? 5000);
const root = join(import.meta.dirname, '..');
const child = spawn(
  process.execPath,
  ['--conditions=@connected-apps/source', join(root, 'src/cli.ts'), '--port', '0'],
  {
    cwd: root,
  },
);
const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const url = new URL(firstLine.replace('stytch-emulator listening on ', ''));
const credentials = basicAuthorization(DEFAULT_PROJECT_ID, DEFAULT_SECRET);

try {
  const control = createControlClient(url.origin);
  const user = await control.createUser({ name: 'Bench' });
  const apps = await Promise.all(
    Array.from({ length: 100 }, (_, i) => control.createConnectedApp({ name: `App ${i}` })),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const revoke = (appId: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: stytchPath(STYTCH_ROUTES.usersRevoke.template, {
            user_id: user.user_id,
            connected_app_id: appId,
          }),
          headers: { authorization: credentials, 'content-type': 'application/json', 'content-length': 2 },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });

  // Warm up the JIT, then measure: a tenth of the revokes remove a live grant, the rest are repeats.
  for (let i = 0; i < 2000; i++) await revoke(apps[i % apps.length]!.connected_app_id);
  for (const app of apps)
    await control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid'],
    });
  await control.clearRequests();
  const before = cpuMicros(child.pid!);
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    if ((await revoke(apps[i % apps.length]!.connected_app_id)) !== 200) throw new Error('revoke failed');
  }
  const elapsed = performance.now() - started;
  const cpu = cpuMicros(child.pid!) - before;
  agent.destroy();
  console.log(
    JSON.stringify({
      requests,
      emulator_cpu_us_per_revoke: Math.round((cpu / requests) * 10) / 10,
      wall_us_per_revoke: Math.round((elapsed * 1000) / requests),
    }),
  );
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** utime + stime of a process, in microseconds (from clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
