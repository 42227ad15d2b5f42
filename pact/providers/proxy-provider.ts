import { SESSION_JWT_COOKIE, STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { startProxy } from '@connected-apps/proxy';
import {
  bearer,
  injectRevokeFault,
  PACT_PROVIDER_UPSTREAM_TIMEOUT_MS,
  PROXY_BASE_PATH,
  proxyListPath,
  proxyRevokePath,
  spendAllowance,
  startPactProviderStack,
} from '@connected-apps/testkit';
import type { VerifierOptions } from '@pact-foundation/pact';
import { pactLogLevel } from '../support/log-level.ts';
import { PROXY } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import {
  createUser,
  createUserWithConnectedApp,
  dataStateHandlers,
  mintMemberSession,
  param,
} from './emulator-data.ts';
import type { ProviderUnderTest, RequestFilter } from './provider-under-test.ts';

/** The session JWT cookie in a `Cookie` header, whatever its value. */
const SESSION_JWT_PAIR = new RegExp(`${SESSION_JWT_COOKIE}=[^;]*`);

/**
 * Provider `connected-apps-proxy`: the real proxy, wired to a real emulator whose data each provider
 * state creates through the control API, and an audit trail in a fresh SQLite file (for the history).
 * The pact carries only a fake session; the request filter swaps in a fresh one minted by the
 * emulator for the state's user.
 */
export async function startProxyProvider(): Promise<ProviderUnderTest> {
  const stack = await startPactProviderStack(startProxy);
  const { emulator } = stack;

  /** The session of the user the current interaction's state signed in, if any. */
  let sessionJwt: string | undefined;

  const signIn = async (user_id: string): Promise<string> => {
    await createUser(emulator.control, user_id);
    ({ session_jwt: sessionJwt } = await emulator.control.mintSession({ user_id }));
    return sessionJwt;
  };

  /** Revokes through the proxy itself, as the signed-in caller would: its audit trail records it. */
  const revokeThroughProxy = async (path: string, jwt: string) => {
    const response = await fetch(`${stack.url}${path}`, { method: 'POST', headers: bearer(jwt) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`The revoke ${path} answered ${response.status}`);
  };

  const stateHandlers: VerifierOptions['stateHandlers'] = {
    ...dataStateHandlers(emulator.control),
    [STATES.userIsSignedIn]: async (params) => {
      await signIn(param(params, 'user_id'));
    },
    [STATES.userHasUsedUpRateLimit]: async (params) => {
      const user_id = param(params, 'user_id');
      const jwt = await signIn(user_id);
      // Spend the allowance through the proxy itself, as the user would.
      await spendAllowance(stack, proxyListPath(user_id), jwt, user_id);
    },
    [STATES.stytchFailsRevokeOf]: async (params) => {
      // More times than the proxy's upstream attempts, so the revoke fails for good.
      await injectRevokeFault(emulator.control, param(params, 'user_id'), param(params, 'connected_app_id'), {
        status: 500,
        times: 10,
      });
    },
    [STATES.memberIsSignedIn]: async (params) => {
      ({ session_jwt: sessionJwt } = await mintMemberSession(emulator.control, params));
    },
    [STATES.memberHasUsedUpRateLimit]: async (params) => {
      ({ session_jwt: sessionJwt } = await mintMemberSession(emulator.control, params));
      const organization_id = param(params, 'organization_id');
      const member_id = param(params, 'member_id');
      const path = stytchPath(STYTCH_ROUTES.b2bMembersConnectedApps.template, { organization_id, member_id });
      await spendAllowance(stack, `${PROXY_BASE_PATH}${path}`, sessionJwt, member_id);
    },
    [STATES.userRevokedConnectedApp]: async (params) => {
      const user_id = param(params, 'user_id');
      const connected_app_id = param(params, 'connected_app_id');
      await createUserWithConnectedApp(emulator.control, user_id, connected_app_id);
      ({ session_jwt: sessionJwt } = await emulator.control.mintSession({ user_id }));
      await revokeThroughProxy(proxyRevokePath(user_id, connected_app_id), sessionJwt);
    },
    [STATES.memberRevokedConnectedApp]: async (params) => {
      // After the states that made the organization, the member and their grant.
      ({ session_jwt: sessionJwt } = await mintMemberSession(emulator.control, params));
      const path = stytchPath(STYTCH_ROUTES.b2bMembersRevoke.template, {
        organization_id: param(params, 'organization_id'),
        member_id: param(params, 'member_id'),
        connected_app_id: param(params, 'connected_app_id'),
      });
      await revokeThroughProxy(`${PROXY_BASE_PATH}${path}`, sessionJwt);
    },
    [STATES.stytchIsSlow]: async () => {
      await emulator.control.injectFault({
        path: '/v1/users/*',
        latency_ms: PACT_PROVIDER_UPSTREAM_TIMEOUT_MS * 3,
      });
    },
  };

  /** Swaps the fake session of the pact for the live one (bearer header or session cookie). */
  const requestFilter: RequestFilter = (req, _res, next) => {
    if (sessionJwt !== undefined) {
      if (req.headers.authorization !== undefined)
        req.headers.authorization = bearer(sessionJwt).authorization;
      const cookie = req.headers.cookie;
      if (cookie !== undefined && SESSION_JWT_PAIR.test(cookie)) {
        req.headers.cookie = cookie.replace(SESSION_JWT_PAIR, `${SESSION_JWT_COOKIE}=${sessionJwt}`);
      }
    }
    next();
  };

  return {
    emulator,
    options: {
      provider: PROXY,
      providerBaseUrl: stack.url,
      stateHandlers,
      requestFilter,
      beforeEach: async () => {
        sessionJwt = undefined;
        await emulator.control.reset();
      },
      logLevel: pactLogLevel(),
    },
    stop: () => stack.stop(),
  };
}
