import { type RunningProxy, startProxy } from '@connected-apps/proxy';
import { type Emulator, start } from '@connected-apps/stytch-emulator';

/** A signed-in user of the reliability stack and every credential that identifies them. */
export interface StackUser {
  user_id: string;
  session_jwt: string;
  session_token: string;
  /** A JWT past its `exp` for a live session: Stytch (and so the proxy) still accepts it remotely. */
  expired_jwt: string;
}

/** The emulator, the proxy in front of it, two users with grants, and the proxy's captured log. */
export interface ReliabilityStack {
  emulator: Emulator;
  proxy: RunningProxy;
  alice: StackUser;
  bob: StackUser;
  /** Apps granted: alice → both, bob → the first. */
  appIds: [string, string];
  /** Allowed origin for cookie-authenticated calls. */
  origin: string;
  /** Every line the proxy logged (bounded to the last 5,000). */
  logs: string[];
  stop(): Promise<void>;
}

const ORIGIN = 'http://app.test';

async function seedUser(emulator: Emulator, name: string): Promise<StackUser> {
  const user = await emulator.control.createUser({ name });
  const session = await emulator.control.mintSession({ user_id: user.user_id });
  const past = Math.floor(Date.now() / 1000) - 600;
  const expired = await emulator.control.mintSession({
    user_id: user.user_id,
    claims_override: { iat: past - 300, nbf: past - 300, exp: past },
  });
  return {
    user_id: user.user_id,
    session_jwt: session.session_jwt,
    session_token: session.session_token,
    expired_jwt: expired.session_jwt,
  };
}

/**
 * Starts the emulator and the proxy in this process on 127.0.0.1, seeds two users and two apps,
 * and captures the proxy's JSON log (to check that no secret or token is ever written).
 *
 * @example
 * const stack = await startReliabilityStack({ UPSTREAM_TIMEOUT_MS: '1000' });
 * afterAll(() => stack.stop());
 */
export async function startReliabilityStack(env: Record<string, string> = {}): Promise<ReliabilityStack> {
  const emulator = await start({ port: 0 });
  const [first, second] = await Promise.all([
    emulator.control.createConnectedApp({ name: 'Calendar Sync', client_type: 'third_party' }),
    emulator.control.createConnectedApp({ name: 'Notes', client_type: 'third_party_public' }),
  ]);
  const alice = await seedUser(emulator, 'Alice Example');
  const bob = await seedUser(emulator, 'Bob Example');
  for (const [user, app] of [
    [alice, first],
    [alice, second],
    [bob, first],
  ] as const) {
    await emulator.control.createGrant({
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      scopes: ['openid', 'email'],
    });
  }
  const logs: string[] = [];
  const proxy = await startProxy(
    {
      STYTCH_PROJECT_ID: emulator.projectId,
      STYTCH_SECRET: emulator.secret,
      STYTCH_BASE_URL: emulator.url,
      CORS_ORIGINS: ORIGIN,
      // The suite sends thousands of requests from one address: the limiter runs but never trips.
      RATE_LIMIT_PER_ADDRESS: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      LOG_LEVEL: 'info',
      ...env,
    },
    {
      port: 0,
      logDestination: {
        write(line: string) {
          if (logs.length >= 5000) logs.shift();
          logs.push(line);
        },
      },
    },
  );
  return {
    emulator,
    proxy,
    alice,
    bob,
    appIds: [first.connected_app_id, second.connected_app_id],
    origin: ORIGIN,
    logs,
    async stop() {
      await proxy.stop();
      await emulator.stop();
    },
  };
}
