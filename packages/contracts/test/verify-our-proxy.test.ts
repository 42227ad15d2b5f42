import { startProxy } from '@connected-apps/proxy';
import { type RunningProxyLike, type Stack, startPactProviderStack } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatesServer, startStatesServer } from './support/proxy-states-server.ts';
import { readPactInteractions } from './support/read-pact.ts';
import { runCli } from './support/run-cli.ts';

let stack: Stack<RunningProxyLike>;
let states: StatesServer;

beforeAll(async () => {
  // Its audit trail on, in a SQLite file of this run: the history interactions read it.
  stack = await startPactProviderStack(startProxy);
  states = await startStatesServer(stack);
});
afterAll(async () => {
  await states?.stop();
  await stack?.stop();
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
