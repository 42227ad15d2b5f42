import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningProxyLike, Stack } from '@connected-apps/testkit';
import {
  bearer,
  injectRevokeFault,
  PACT_PROVIDER_UPSTREAM_TIMEOUT_MS,
  PROXY_BASE_PATH,
  proxyListPath,
  proxyRevokePath,
  spendAllowance,
} from '@connected-apps/testkit';

type Params = Record<string, unknown>;

/** A running provider-states endpoint. */
export interface StatesServer {
  /** Where to POST `{ state, params, action }`. */
  url: string;
  /** Every request it received, in order, as `<action> <state>`. */
  received(): string[];
  stop(): Promise<void>;
}

/**
 * The provider-states endpoint a team would write for its backend, here for our proxy on the
 * emulator: each state of the pact is created through the emulator's control API (as the in-repo
 * proxy verification does with Pact's state handlers), a signed-in state answers the session it
 * minted as `session_jwt`, and a teardown resets the emulator for the next interaction. A state it
 * does not know is a 400 naming it, so a new state in the pact fails the verification plainly.
 */
export async function startStatesServer(stack: Stack<RunningProxyLike>): Promise<StatesServer> {
  const { control } = stack.emulator;
  const received: string[] = [];

  const createUser = (user_id: string) =>
    control.createUser({ user_id, name: 'Ada Lovelace', email: `${user_id}@example.com` });
  /** The app the pact's interactions show (their matchers pin its shape, not these values). */
  const createApp = (connected_app_id: string) =>
    control.createConnectedApp({
      connected_app_id,
      name: 'Calendar Sync',
      description: 'Keeps your calendar in step with your bookings.',
      client_type: 'third_party',
      logo_url: 'https://example.com/calendar-sync.png',
    });
  const signIn = async (user_id: string) => {
    await createUser(user_id);
    return { session_jwt: (await control.mintSession({ user_id })).session_jwt };
  };

  const signInMember = async (params: Params) => {
    const { session_jwt } = await control.mintMemberSession({
      organization_id: param(params, 'organization_id'),
      member_id: param(params, 'member_id'),
    });
    return { session_jwt };
  };

  const setups: Record<string, (params: Params) => Promise<object>> = {
    'user {user_id} has connected app {connected_app_id}': async (params) => {
      const user_id = param(params, 'user_id');
      const connected_app_id = param(params, 'connected_app_id');
      await createUser(user_id);
      await createApp(connected_app_id);
      await control.createGrant({ user_id, connected_app_id, scopes: ['openid', 'email'] });
      return {};
    },
    'user {user_id} is signed in': (params) => signIn(param(params, 'user_id')),
    'user {user_id} has used up their rate limit': async (params) => {
      const user_id = param(params, 'user_id');
      const session = await signIn(user_id);
      // Spent through the proxy itself, as the user would, until it answers 429.
      await spendAllowance(stack, proxyListPath(user_id), session.session_jwt, user_id);
      return session;
    },
    'Stytch fails every revoke of connected app {connected_app_id} of user {user_id}': async (params) => {
      // More times than the proxy's attempts, so the revoke fails for good.
      await injectRevokeFault(control, param(params, 'user_id'), param(params, 'connected_app_id'), {
        status: 500,
        times: 10,
      });
      return {};
    },
    'user {user_id} revoked connected app {connected_app_id} through the proxy': async (params) => {
      const user_id = param(params, 'user_id');
      const connected_app_id = param(params, 'connected_app_id');
      await setups['user {user_id} has connected app {connected_app_id}']?.(params);
      const session = { session_jwt: (await control.mintSession({ user_id })).session_jwt };
      // Through the proxy itself, as the user would: its audit trail records the revoke.
      const response = await fetch(`${stack.url}${proxyRevokePath(user_id, connected_app_id)}`, {
        method: 'POST',
        headers: bearer(session.session_jwt),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`The revoke for ${user_id} answered ${response.status}`);
      return session;
    },
    'Stytch answers slower than the proxy waits': async () => {
      await control.injectFault({ path: '/v1/users/*', latency_ms: PACT_PROVIDER_UPSTREAM_TIMEOUT_MS * 3 });
      return {};
    },
    'organization {organization_id} exists': async (params) => {
      await control.createOrganization({
        organization_id: param(params, 'organization_id'),
        organization_name: 'Example Org',
        organization_slug: param(params, 'organization_slug'),
        organization_external_id: param(params, 'organization_external_id'),
      });
      return {};
    },
    'member {member_id} of organization {organization_id} exists': async (params) => {
      const member_id = param(params, 'member_id');
      await control.createMember({
        organization_id: param(params, 'organization_id'),
        member_id,
        email_address: `${member_id}@example.com`,
        name: 'Ada Lovelace',
        roles: typeof params.roles === 'string' ? params.roles.split(' ').filter(Boolean) : [],
      });
      return {};
    },
    'member {member_id} of organization {organization_id} has connected app {connected_app_id}': async (
      params,
    ) => {
      const connected_app_id = param(params, 'connected_app_id');
      await createApp(connected_app_id);
      await control.createMemberGrant({
        organization_id: param(params, 'organization_id'),
        member_id: param(params, 'member_id'),
        connected_app_id,
        scopes: ['openid', 'email'],
      });
      return {};
    },
    'member {member_id} of organization {organization_id} is signed in': (params) => signInMember(params),
    'member {member_id} of organization {organization_id} revoked connected app {connected_app_id} through the proxy':
      async (params) => {
        // After the states that made the organization, the member and their grant.
        const session = await signInMember(params);
        const [organization_id, member_id, connected_app_id] = [
          'organization_id',
          'member_id',
          'connected_app_id',
        ].map((name) => encodeURIComponent(param(params, name)));
        const path = `${PROXY_BASE_PATH}/v1/b2b/organizations/${organization_id}/members/${member_id}/connected_apps/${connected_app_id}/revoke`;
        // Through the proxy itself, as the member would: its audit trail records the revoke.
        const response = await fetch(`${stack.url}${path}`, {
          method: 'POST',
          headers: bearer(session.session_jwt),
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`The member's revoke answered ${response.status}`);
        return session;
      },
    'member {member_id} of organization {organization_id} has used up their rate limit': async (params) => {
      const session = await signInMember(params);
      const organization_id = encodeURIComponent(param(params, 'organization_id'));
      const member_id = encodeURIComponent(param(params, 'member_id'));
      const list = `${PROXY_BASE_PATH}/v1/b2b/organizations/${organization_id}/members/${member_id}/connected_apps`;
      // Spent through the proxy itself, as the member would, until it answers 429.
      await spendAllowance(stack, list, session.session_jwt, member_id);
      return session;
    },
  };

  const server = createServer(async (req, res) => {
    const answer = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    try {
      let text = '';
      for await (const chunk of req) text += chunk;
      const {
        state,
        params = {},
        action,
      } = JSON.parse(text) as { state: string; params?: Params; action: string };
      received.push(`${action} ${state}`);
      if (action === 'teardown') {
        await control.reset();
        await control.clearFaults();
        return answer(200, {});
      }
      const setup = setups[state];
      if (setup === undefined) return answer(400, { error: `No such provider state: ${state}` });
      return answer(200, await setup(params));
    } catch (error) {
      return answer(500, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/_pact/provider-states`,
    received: () => [...received],
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function param(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '')
    throw new Error(`Provider state parameter "${name}" is missing`);
  return value;
}
