import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  bearer,
  proxyListPath,
  proxyRevokePath,
  quietPeriod,
  seedWorld,
  stytchRequests,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What a team gets from npm: core and the proxy packed as they would be published, installed with
// npm into a fresh project outside the workspace, and the proxy mounted there in a node:http host.
const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const packages = { core: join(repo, 'packages/core'), proxy: join(repo, 'apps/proxy') };

/** The host app: its own route at `/`, the proxy (built from an options object) for the rest. */
const HOST_APP = `
import { createServer } from 'node:http';
import { createProxyApp } from '@connected-apps/proxy';

const proxy = createProxyApp({
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  stytchBaseUrl: process.env.STYTCH_BASE_URL,
  logLevel: 'silent',
});
const hostRoute = (req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('the host app');
const server = createServer((req, res) => proxy.node(req, res, () => hostRoute(req, res)));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

/** Every entry of the installed package, and what each must export. */
const ENTRIES = `
const node = await import('@connected-apps/proxy');
const edge = await import('@connected-apps/proxy/edge');
const { default: manifest } = await import('@connected-apps/proxy/package.json', { with: { type: 'json' } });
console.log(JSON.stringify({
  node: ['createProxyApp', 'startProxy', 'loadConfig', 'resolveConfig', 'ConfigError'].filter((name) => typeof node[name] === 'function'),
  edge: ['createProxyApp', 'createProxyWorker', 'loadConfig', 'resolveConfig'].filter((name) => typeof edge[name] === 'function'),
  name: manifest.name,
}));
`;

let dir: string;
let project: string;
let emulator: Emulator;
let world: World;

beforeAll(async () => {
  for (const folder of Object.values(packages)) {
    if (!existsSync(join(folder, 'dist'))) {
      throw new Error(
        `${folder}/dist is missing: run \`pnpm build\` (the turbo \`test\` task builds it first)`,
      );
    }
  }
  dir = await mkdtemp(join(tmpdir(), 'connected-apps-tarball-'));
  expect(dir.startsWith(repo)).toBe(false);
  // As published, from what the build left in dist/ (pack scripts off: the build already ran).
  for (const folder of Object.values(packages)) {
    await run('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', dir], { cwd: folder });
  }
  project = join(dir, 'app');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    '{ "name": "tarball-consumer", "private": true, "type": "module" }\n',
  );
  await writeFile(join(project, 'host-app.mjs'), HOST_APP);
  await writeFile(join(project, 'entries.mjs'), ENTRIES);
  const tarballs = ['connected-apps-core-0.1.0.tgz', 'connected-apps-proxy-0.1.0.tgz'].map((name) =>
    join(dir, name),
  );
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
    {
      cwd: project,
      timeout: 120_000,
    },
  );
  emulator = await start({ port: 0 });
  world = await seedWorld(emulator);
}, 150_000);

afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed packages, installed with npm outside the workspace', () => {
  it('resolve every entry: Node, edge and package.json', async () => {
    const { stdout } = await run(process.execPath, ['entries.mjs'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      node: ['createProxyApp', 'startProxy', 'loadConfig', 'resolveConfig', 'ConfigError'],
      edge: ['createProxyApp', 'createProxyWorker', 'loadConfig', 'resolveConfig'],
      name: '@connected-apps/proxy',
    });
  });

  it('revoke an app through the proxy mounted in a node:http host, and refuse another user', async () => {
    const host = spawn(process.execPath, ['host-app.mjs'], {
      cwd: project,
      env: {
        PATH: process.env.PATH ?? '',
        STYTCH_PROJECT_ID: emulator.projectId,
        STYTCH_SECRET: emulator.secret,
        STYTCH_BASE_URL: emulator.url,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(host.stdout, 'data')) as [Buffer];
      const url = `http://127.0.0.1:${(JSON.parse(String(line)) as { port: number }).port}`;
      const { alice, bob, notes, calendar } = world;
      expect(await (await fetch(`${url}/`)).text()).toBe('the host app');

      const revoke = await fetch(`${url}${proxyRevokePath(alice.user_id, notes)}`, {
        method: 'POST',
        headers: { ...bearer(alice.jwt), 'content-type': 'application/json' },
        body: '{}',
      });
      expect(revoke.status).toBe(200);
      expect(await stytchRequests(emulator.control)).toContain(
        `POST ${stytchRevokePath(alice.user_id, notes)}`,
      );
      const list = await fetch(`${url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
      const apps = ((await list.json()) as { connected_apps: { connected_app_id: string }[] }).connected_apps;
      expect(apps.map((app) => app.connected_app_id)).toEqual([calendar]);

      await emulator.control.clearRequests();
      const refused = await fetch(`${url}${proxyRevokePath(bob.user_id, calendar)}`, {
        method: 'POST',
        headers: bearer(alice.jwt),
      });
      expect(refused.status).toBe(403);
      await quietPeriod();
      expect(await stytchRequests(emulator.control)).toEqual([]);
    } finally {
      host.kill('SIGKILL');
    }
  });

  it('install the connected-apps-proxy command, which names what the environment lacks', async () => {
    const bin = join(project, 'node_modules/.bin/connected-apps-proxy');
    const failed = await run(bin, [], { env: { PATH: process.env.PATH ?? '' } }).catch(
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('STYTCH_SECRET: is required');
  });
});
