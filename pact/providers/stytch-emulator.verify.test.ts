import { type Emulator, start } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pactLogLevel } from '../support/log-level.ts';
import { FAKE_PROJECT_ID } from '../support/matchers.ts';
import { pactFilePath } from '../support/pact-files.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import { verifyProvider } from '../support/verify-provider.ts';
import { createUser, createUserWithConnectedApp, param } from './emulator-data.ts';

type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;

/**
 * The emulator as provider `stytch-api`, against the pact the proxy holds Stytch to: if the emulator
 * drifts from what the proxy expects of Stytch (and the OpenAPI check holds that to Stytch's own
 * description), this fails. The pact's Basic credentials are fake; the request filter swaps in the
 * emulator's real test secret, except where the state says the credentials are wrong.
 */
describe('the Stytch emulator honours the stytch-api pact', () => {
  let emulator: Emulator;
  let credentialsAreWrong = false;

  beforeAll(async () => {
    // The pact's project id, so the JWKS path names this project.
    emulator = await start({ port: 0, projectId: FAKE_PROJECT_ID });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const stateHandlers: VerifierOptions['stateHandlers'] = {
    [STATES.userHasConnectedApp]: async (params) => {
      await createUserWithConnectedApp(
        emulator.control,
        param(params, 'user_id'),
        param(params, 'connected_app_id'),
      );
    },
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
  };

  const requestFilter: RequestFilter = (req, _res, next) => {
    if (req.headers.authorization !== undefined && !credentialsAreWrong) {
      req.headers.authorization = `Basic ${btoa(`${emulator.projectId}:${emulator.secret}`)}`;
    }
    next();
  };

  it('verifies every interaction', async () => {
    await verifyProvider({
      provider: STYTCH_API,
      providerBaseUrl: emulator.url,
      pactUrls: [pactFilePath(PROXY, STYTCH_API)],
      stateHandlers,
      requestFilter,
      beforeEach: async () => {
        await emulator.control.reset();
      },
      providerStatesSetupTeardown: true,
      logLevel: pactLogLevel(),
    });
  }, 60_000);
});
