import type { Emulator } from '@connected-apps/stytch-emulator';
import { type Stack, startStack } from '@connected-apps/testkit';
import { type RunningProxy, startProxy } from '../../src/server/start-proxy.ts';

/** The testkit's stack (emulator + proxy over real HTTP on 127.0.0.1, logs captured) with this proxy. */
export type ProxyStack = Stack<RunningProxy>;

/**
 * @example
 * const stack = await startProxyStack({ UPSTREAM_RETRIES: '0' });
 */
export function startProxyStack(env: Record<string, string> = {}, emulator?: Emulator): Promise<ProxyStack> {
  return startStack({ startProxy, env, ...(emulator === undefined ? {} : { emulator }) });
}
