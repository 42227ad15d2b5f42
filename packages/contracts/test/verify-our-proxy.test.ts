import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy } from '@connected-apps/proxy';
import { type RunningProxyLike, type Stack, startStack } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RATE_LIMIT_PER_USER,
  type StatesServer,
  startStatesServer,
  UPSTREAM_TIMEOUT_MS,
} from './support/proxy-states-server.ts';
import { readPactInteractions } from './support/read-pact.ts';
import { runCli } from './support/run-cli.ts';

let stack: Stack<RunningProxyLike>;
let states: StatesServer;
// The history interactions read the proxy's audit trail: on, in a SQLite file of this run.
const auditDir = mkdtempSync(join(tmpdir(), 'contracts-audit-'));

beforeAll(async () => {
  stack = await startStack({
    startProxy,
    env: {
      RATE_LIMIT_PER_USER: String(RATE_LIMIT_PER_USER),
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      LOG_LEVEL: 'silent',
      AUDIT_DATABASE_URL: `file:${join(auditDir, 'audit.db')}`,
      AUDIT_SPOOL_DIR: join(auditDir, 'spool'),
    },
  });
  states = await startStatesServer(stack);
});
afterAll(async () => {
  await states?.stop();
  await stack?.stop();
  rmSync(auditDir, { recursive: true, force: true });
});

describe('connected-apps-contracts verify, run as an outside team runs it', () => {
  it('passes for our own proxy: every interaction of the shipped pact, its states set up over HTTP', async () => {
    const result = await runCli([
      'verify',
      '--provider-base-url',
      stack.url,
      '--provider-states-setup-url',
      states.url,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `✓ ${stack.url} honours the connected-apps-react → connected-apps-proxy pact.`,
    );

    // Every interaction was replayed, and every one of its states set up through the endpoint.
    const interactions = readPactInteractions();
    for (const { description } of interactions) expect(result.stdout).toContain(description);
    const setups = interactions.flatMap((i) => i.providerStates.map((s) => `setup ${s.name}`));
    expect(
      states
        .received()
        .filter((line) => line.startsWith('setup '))
        .sort(),
    ).toEqual(setups.sort());
    expect(states.received().some((line) => line.startsWith('teardown '))).toBe(true);
  });
});
