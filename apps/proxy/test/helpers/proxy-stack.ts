import type { Emulator } from '@connected-apps/stytch-emulator';
import { type Stack, seedWorld, startStack, type World } from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningProxy, startProxy } from '../../src/server/start-proxy.ts';

/** The testkit's stack (emulator + proxy over real HTTP on 127.0.0.1, logs captured) with this proxy. */
export type ProxyStack = Stack<RunningProxy>;

/**
 * @example
 * const limited = await startProxyStack({ RATE_LIMIT_PER_ADDRESS: '2' }, t.stack.emulator);
 */
export function startProxyStack(env: Record<string, string> = {}, emulator?: Emulator): Promise<ProxyStack> {
  return startStack({ startProxy, env, ...(emulator === undefined ? {} : { emulator }) });
}

/**
 * One stack for the test file and a freshly seeded world (and empty log capture) for each test,
 * through vitest's hooks. Read both through the returned object, inside tests.
 *
 * @example
 * const t = useSeededStack({ UPSTREAM_RETRIES: '0' });
 * it('lists', async () => {
 *   await fetch(`${t.stack.url}${proxyListPath(t.world.alice.user_id)}`, { headers: bearer(t.world.alice.jwt) });
 * });
 */
export function useSeededStack(env: Record<string, string> = {}): SeededStack<World> {
  return useStackSeededWith(seedWorld, env);
}

/** A stack for the test file and the world seeded for the running test. */
export interface SeededStack<W> {
  readonly stack: ProxyStack;
  readonly world: W;
}

/**
 * {@link useSeededStack} with another world: `seed` runs before each test on the stack's emulator.
 *
 * @example
 * const t = useStackSeededWith(seedB2BWorld, { UPSTREAM_RETRIES: '0' });
 */
export function useStackSeededWith<W>(
  seed: (emulator: Emulator) => Promise<W>,
  env: Record<string, string> = {},
): SeededStack<W> {
  let stack: ProxyStack | undefined;
  let world: W | undefined;
  beforeAll(async () => {
    stack = await startProxyStack(env);
  });
  beforeEach(async () => {
    world = await seed((stack as ProxyStack).emulator);
    stack?.logs.clear();
  });
  afterAll(() => stack?.stop());
  return {
    get stack() {
      return stack as ProxyStack;
    },
    get world() {
      return world as W;
    },
  };
}
