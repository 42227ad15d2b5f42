import { basicAuthorization } from '@connected-apps/core/wire';
import { start } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';
import { pactLogLevel } from '../support/log-level.ts';
import { FAKE_PROJECT_ID } from '../support/matchers.ts';
import { STYTCH_API } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import { createUser, dataStateHandlers, mintMemberSession, param } from './emulator-data.ts';
import type { ProviderUnderTest, RequestFilter } from './provider-under-test.ts';

/**
 * The emulator as provider `stytch-api`. The pact's Basic credentials are fake; the request filter
 * swaps in the emulator's real test secret, except where the state says the credentials are wrong.
 */
export async function startStytchEmulatorProvider(): Promise<ProviderUnderTest> {
  // The pact's project id, so the JWKS path names this project.
  const emulator = await start({ port: 0, projectId: FAKE_PROJECT_ID });
  let credentialsAreWrong = false;

  const stateHandlers: VerifierOptions['stateHandlers'] = {
    ...dataStateHandlers(emulator.control),
    [STATES.userExists]: async (params) => {
      await createUser(emulator.control, param(params, 'user_id'));
    },
    // Nothing to create: every interaction starts from an empty emulator.
    [STATES.userDoesNotExist]: async () => {},
    [STATES.credentialsAreWrong]: {
      setup: async () => {
        credentialsAreWrong = true;
      },
      teardown: async () => {
        credentialsAreWrong = false;
      },
    },
    [STATES.stytchIsRateLimiting]: async () => {
      await emulator.control.injectFault({ path: '/v1/*', status: 429 });
    },
    [STATES.stytchHasInternalError]: async () => {
      await emulator.control.injectFault({ path: '/v1/*', status: 500 });
    },
    // Returns the live token, which Pact injects where the pact says `${session_token}`.
    [STATES.userHasSession]: async (params) => {
      const user_id = param(params, 'user_id');
      await createUser(emulator.control, user_id);
      const { session_token } = await emulator.control.mintSession({ user_id });
      return { session_token };
    },
    // Nothing to create: every interaction starts from an empty emulator.
    [STATES.organizationDoesNotExist]: async () => {},
    // Returns the live session, which Pact injects where the pact says `${session_jwt}` / `${session_token}`.
    [STATES.memberIsSignedIn]: async (params) => {
      const { session_jwt, session_token } = await mintMemberSession(emulator.control, params);
      return { session_jwt, session_token };
    },
  };

  const requestFilter: RequestFilter = (req, _res, next) => {
    if (req.headers.authorization !== undefined && !credentialsAreWrong) {
      req.headers.authorization = basicAuthorization(emulator.projectId, emulator.secret);
    }
    next();
  };

  return {
    emulator,
    options: {
      provider: STYTCH_API,
      providerBaseUrl: emulator.url,
      stateHandlers,
      requestFilter,
      beforeEach: async () => {
        await emulator.control.reset();
      },
      providerStatesSetupTeardown: true,
      logLevel: pactLogLevel(),
    },
    stop: () => emulator.stop(),
  };
}
