import { basicAuthorization } from '@connected-apps/core/wire';
import { type RunningProxy, startProxy } from '@connected-apps/proxy';
import {
  mintExpiredSessionJwt,
  type Stack,
  seedWorld,
  startStack,
  type World,
} from '@connected-apps/testkit';

/** The shared test stack (emulator + proxy, logs captured) and its seeded world, as the suite uses it. */
export interface ReliabilityStack extends Stack<RunningProxy> {
  world: World;
  /** Session JWTs past their `exp` for live sessions of Alice and Bob: Stytch still accepts them remotely. */
  expired: { alice: string; bob: string };
  /**
   * What must never appear in an answer or a log: the project's secret and Basic credentials, and every
   * session JWT and token of the world.
   */
  secrets: string[];
}

/**
 * Starts the test kit's stack with the suite's proxy settings (the limiter runs but never trips: the
 * suite sends thousands of requests from one address) and seeds its world.
 *
 * @example
 * const stack = await startReliabilityStack({ UPSTREAM_RETRIES: '2' });
 * afterAll(() => stack.stop());
 */
export async function startReliabilityStack(env: Record<string, string> = {}): Promise<ReliabilityStack> {
  const stack = await startStack({
    startProxy,
    env: { RATE_LIMIT_PER_ADDRESS: '1000000000', RATE_LIMIT_PER_USER: '1000000000', ...env },
    logLimit: 20_000,
  });
  const world = await seedWorld(stack.emulator);
  const { control, projectId, secret } = stack.emulator;
  const expired = {
    alice: await mintExpiredSessionJwt(control, world.alice.user_id),
    bob: await mintExpiredSessionJwt(control, world.bob.user_id),
  };
  const { alice, bob, admin } = world;
  return {
    ...stack,
    world,
    expired,
    secrets: [
      secret,
      basicAuthorization(projectId, secret).slice('Basic '.length),
      ...[alice, bob, admin].flatMap((user) => [user.jwt, user.token]),
      expired.alice,
      expired.bob,
    ],
  };
}
