import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import demo from '../fixtures/demo.json' with { type: 'json' };
import { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from '../src/defaults.ts';
import { basic, exactError, listPath, revokePath, TEST_REQUEST_ID } from './helpers.ts';

const root = join(import.meta.dirname, '..');

function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=@connected-apps/source', join(root, 'src/cli.ts'), ...args], {
    cwd: root,
  });
}

/** Runs the CLI until it exits on its own: its exit code and everything it wrote to stderr. */
async function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawnCli(args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

/** Resolves with the first two stdout lines (URL, credentials); rejects if the process exits first. */
async function readBanner(child: ChildProcessWithoutNullStreams): Promise<[string, string]> {
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 2) resolve([lines[0] ?? '', lines[1] ?? '']);
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before printing its banner`)));
  });
}

describe('stytch-emulator CLI', () => {
  it('serves the demo fixture on the printed URL with the printed credentials, and stops on SIGTERM', async () => {
    const child = spawnCli([
      '--port',
      '0',
      '--fixtures',
      'fixtures/demo.json',
      '--project-id',
      'project-test-cli',
      '--secret',
      's3cret',
      '--log-requests',
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const [urlLine, credentialsLine] = await readBanner(child);
      const url = /^stytch-emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(urlLine)?.[1];
      expect(url, urlLine).toBeDefined();
      expect(credentialsLine).toBe('credentials: STYTCH_PROJECT_ID=project-test-cli STYTCH_SECRET=s3cret');

      const demoUser = demo.users[0]?.user_id ?? '';
      const response = await fetch(`${url}${listPath(demoUser)}`, {
        headers: { authorization: basic('project-test-cli', 's3cret') },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { connected_apps: unknown[] };
      expect(body.connected_apps).toHaveLength(demo.connected_apps.length);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toContain(`stytch-emulator: GET /v1/users/${demo.users[0]?.user_id}/connected_apps 200`);
    expect(stderr).not.toContain('s3cret');
  });

  it('accepts a revoke only with the --project-id and --secret it was started with', async () => {
    const projectId = 'project-test-7c9e2b14-3f5a-4d6e-8b7c-9a0b1c2d3e4f';
    const secret = 'secret-test-cli-only';
    const child = spawnCli([
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--fixtures',
      'fixtures/demo.json',
      '--project-id',
      projectId,
      '--secret',
      secret,
    ]);
    try {
      const [urlLine] = await readBanner(child);
      const url = /^stytch-emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(urlLine)?.[1];
      expect(url, urlLine).toBeDefined();
      const userId = demo.users[0]?.user_id ?? '';
      const appId = demo.grants[0]?.connected_app_id ?? '';
      const send = async (method: string, path: string, authorization: string) => {
        const response = await fetch(`${url}${path}`, { method, headers: { authorization } });
        const text = await response.text();
        return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
      };
      const grantedAppIds = async () => {
        const list = await send('GET', listPath(userId), basic(projectId, secret));
        return (list.json.connected_apps as { connected_app_id: string }[]).map(
          (app) => app.connected_app_id,
        );
      };

      // The built-in defaults must stop working once other credentials are given, as must a wrong secret.
      for (const [otherProject, otherSecret] of [
        [DEFAULT_PROJECT_ID, DEFAULT_SECRET],
        [projectId, DEFAULT_SECRET],
        [DEFAULT_PROJECT_ID, secret],
      ] as const) {
        const refused = await send('POST', revokePath(userId, appId), basic(otherProject, otherSecret));
        expect(refused.status, `${otherProject}:${otherSecret}`).toBe(401);
        expect(refused.text).toBe(
          exactError(refused.json, 401, 'unauthorized_credentials', 'Unauthorized credentials.'),
        );
      }
      expect(await grantedAppIds()).toContain(appId);

      const accepted = await send('POST', revokePath(userId, appId), basic(projectId, secret));
      expect(accepted.status).toBe(200);
      expect(accepted.json).toEqual({ request_id: expect.stringMatching(TEST_REQUEST_ID), status_code: 200 });
      expect(await grantedAppIds()).not.toContain(appId);
    } finally {
      child.kill('SIGTERM');
    }
    await once(child, 'exit');
  });

  it('serves HTTPS from --tls-cert and --tls-key', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const directory = mkdtempSync(join(tmpdir(), 'stytch-emulator-cli-'));
    writeFileSync(join(directory, 'cert.pem'), pems.cert);
    writeFileSync(join(directory, 'key.pem'), pems.private);
    const child = spawnCli([
      '--port',
      '0',
      '--tls-cert',
      join(directory, 'cert.pem'),
      '--tls-key',
      join(directory, 'key.pem'),
    ]);
    try {
      const [urlLine] = await readBanner(child);
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)$/.exec(urlLine)?.[1];
      expect(url, urlLine).toBeDefined();
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(`${url}/_emulator/health`, { ca: pems.cert }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      rmSync(directory, { recursive: true, force: true });
    }
    await once(child, 'exit');
  });

  it('stops on SIGINT too, with status 0', async () => {
    const child = spawnCli(['--port', '0']);
    await readBanner(child);
    child.kill('SIGINT');
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });

  it('exits with status 2 and the usage on a bad flag', async () => {
    const { code, stderr } = await runToExit(['--port', 'eighty']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be an integer');
    expect(stderr).toContain('Usage: stytch-emulator');
  });

  it('exits with status 1 when the fixture file is unreadable', async () => {
    const { code, stderr } = await runToExit(['--port', '0', '--fixtures', 'fixtures/does-not-exist.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('could not start');
  });
});
