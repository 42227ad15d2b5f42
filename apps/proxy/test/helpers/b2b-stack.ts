import { type B2BWorld, seedB2BWorld } from './b2b-world.ts';
import { type SeededStack, useStackSeededWith } from './proxy-stack.ts';

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
export function useB2BStack(env: Record<string, string> = {}): SeededStack<B2BWorld> {
  return useStackSeededWith(seedB2BWorld, env);
}
