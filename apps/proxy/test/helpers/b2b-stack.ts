import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type B2BWorld, seedB2BWorld } from './b2b-world.ts';
import { type ProxyStack, startProxyStack } from './proxy-stack.ts';

/**
 * One stack (emulator + proxy over real HTTP on 127.0.0.1) for the test file and a freshly seeded
 * {@link B2BWorld} (and empty log capture) for each test. Read both through the returned object.
 *
 * @example
 * const t = useB2BStack({ UPSTREAM_RETRIES: '0' });
 * it('lists', async () => {
 *   await fetch(`${t.stack.url}${proxyMemberAppsPath(t.world.acme.organization_id, t.world.bob.member_id)}`, …);
 * });
 */
export function useB2BStack(env: Record<string, string> = {}): {
  readonly stack: ProxyStack;
  readonly world: B2BWorld;
} {
  let stack: ProxyStack | undefined;
  let world: B2BWorld | undefined;
  beforeAll(async () => {
    stack = await startProxyStack(env);
  });
  beforeEach(async () => {
    world = await seedB2BWorld((stack as ProxyStack).emulator);
    stack?.logs.clear();
  });
  afterAll(() => stack?.stop());
  return {
    get stack() {
      return stack as ProxyStack;
    },
    get world() {
      return world as B2BWorld;
    },
  };
}
