import {
  bearer,
  proxyListPath,
  type RunningProxyLike,
  type Stack,
  seedWorld,
  startStack,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from './start-worker.ts';

// A secret pasted with a space: `loadConfig` refuses it, and must not echo it anywhere.
const BAD_SECRET = 'secret-test-pasted with-a-space';

let stack: Stack<RunningProxyLike>;

beforeAll(async () => {
  stack = await startStack({
    startProxy: startWorker,
    env: { STYTCH_SECRET: BAD_SECRET, RATE_LIMIT_PER_USER: 'lots' },
  });
});
afterAll(() => stack?.stop());

describe('a Worker whose vars and secrets are not a valid configuration', () => {
  it('answers every request with the Stytch-shaped 500 configuration_invalid, and logs why', async () => {
    const world = await seedWorld(stack.emulator);
    for (const path of ['/healthz', proxyListPath(world.alice.user_id)]) {
      const response = await fetch(`${stack.url}${path}`, { headers: bearer(world.alice.jwt) });
      expect(response.status).toBe(500);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.json()).toEqual({
        status_code: 500,
        request_id: response.headers.get('x-request-id'),
        error_type: 'configuration_invalid',
        error_message: expect.stringContaining('configuration'),
        error_url: expect.stringMatching(/#configuration_invalid$/),
      });
    }
    expect(await stack.stytchRequests()).toEqual([]);

    const lines = stack.logs.lines();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'error', status: 500, error_type: 'configuration_invalid' });
      // Every variable at fault is named, no value is repeated.
      expect(line.cause).toContain('STYTCH_SECRET: must be a single token');
      expect(line.cause).toContain('RATE_LIMIT_PER_USER: must be an integer');
    }
    expect(stack.logs.text()).not.toContain('with-a-space');
  });
});
