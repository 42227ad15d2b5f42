import { startProxy } from '@connected-apps/proxy';
import { start } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';
import { ALLOWED_ORIGIN } from '../support/examples.ts';
import { pactLogLevel } from '../support/log-level.ts';
import { PROXY } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import { createUser, param, userHasConnectedApp } from './emulator-data.ts';
import type { ProviderUnderTest } from './provider-under-test.ts';

type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;

// Small enough that a provider state can spend a user's allowance in a few requests.
const RATE_LIMIT_PER_USER = 10;
// Far above the emulator's usual answer time, yet short: "Stytch is slow" then costs little.
const UPSTREAM_TIMEOUT_MS = 1500;

/**
 * Provider `connected-apps-proxy`: the real proxy, wired to a real emulator whose data each provider
 * state creates through the control API. The pact carries only a fake session; the request filter
 * swaps in a fresh one minted by the emulator for the state's user.
 */
export async function startProxyProvider(): Promise<ProviderUnderTest> {
  const emulator = await start({ port: 0 });
  const proxy = await startProxy(
    {
      STYTCH_PROJECT_ID: emulator.projectId,
      STYTCH_SECRET: emulator.secret,
      STYTCH_BASE_URL: emulator.url,
      CORS_ORIGINS: ALLOWED_ORIGIN,
      RATE_LIMIT_PER_USER: String(RATE_LIMIT_PER_USER),
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      LOG_LEVEL: 'silent',
    },
    { port: 0 },
  ).catch(async (error: unknown) => {
    await emulator.stop();
    throw error;
  });

  /** The session of the user the current interaction's state signed in, if any. */
  let sessionJwt: string | undefined;

  const signIn = async (user_id: string): Promise<string> => {
    await createUser(emulator.control, user_id);
    ({ session_jwt: sessionJwt } = await emulator.control.mintSession({ user_id }));
    return sessionJwt;
  };

  const stateHandlers: VerifierOptions['stateHandlers'] = {
    [STATES.userHasConnectedApp]: userHasConnectedApp(emulator.control),
    [STATES.userIsSignedIn]: async (params) => {
      await signIn(param(params, 'user_id'));
    },
    [STATES.userHasUsedUpRateLimit]: async (params) => {
      const user_id = param(params, 'user_id');
      const jwt = await signIn(user_id);
      // Spend the allowance through the proxy itself, as the user would, until it answers 429.
      for (let i = 0; i <= RATE_LIMIT_PER_USER; i++) {
        const response = await fetch(`${proxy.url}/api/v1/users/${user_id}/connected_apps`, {
          headers: { authorization: `Bearer ${jwt}` },
        });
        await response.arrayBuffer();
        if (response.status === 429) return;
      }
      throw new Error(`The proxy never rate limited ${user_id}`);
    },
    [STATES.stytchIsSlow]: async () => {
      await emulator.control.injectFault({ path: '/v1/users/*', latency_ms: UPSTREAM_TIMEOUT_MS * 3 });
    },
  };

  /** Swaps the fake session of the pact for the live one (bearer header or session cookie). */
  const requestFilter: RequestFilter = (req, _res, next) => {
    if (sessionJwt !== undefined) {
      if (req.headers.authorization !== undefined) req.headers.authorization = `Bearer ${sessionJwt}`;
      const cookie = req.headers.cookie;
      if (cookie?.includes('stytch_session_jwt=')) {
        req.headers.cookie = cookie.replace(/stytch_session_jwt=[^;]*/, `stytch_session_jwt=${sessionJwt}`);
      }
    }
    next();
  };

  return {
    emulator,
    options: {
      provider: PROXY,
      providerBaseUrl: proxy.url,
      stateHandlers,
      requestFilter,
      beforeEach: async () => {
        sessionJwt = undefined;
        await emulator.control.reset();
      },
      logLevel: pactLogLevel(),
    },
    stop: async () => {
      await proxy.stop();
      await emulator.stop();
    },
  };
}
