import type { VerifierOptions } from '@pact-foundation/pact';
import { SESSION_PLACEHOLDER } from './pact-file.ts';

type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;
type StateHandler = StateHandlers[string];
type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;
type StateSetup = NonNullable<Extract<StateHandler, { setup?: unknown }>['setup']>;
/** A setup's answer: Pact's provider-state values (a JSON object). */
type StateValues = Exclude<Awaited<ReturnType<StateSetup>>, void>;

/** What the backend's provider-states endpoint receives, one POST per state of each interaction. */
export interface ProviderStateRequest {
  /** The state's name, e.g. `user {user_id} is signed in`. */
  state: string;
  /** Its parameters, e.g. `{ "user_id": "user-test-…" }`. */
  params: Record<string, unknown>;
  /** `setup` before the interaction, `teardown` after it. */
  action: 'setup' | 'teardown';
}

/** How long the provider-states endpoint may take to answer one state. */
const STATE_TIMEOUT_MS = 30_000;

/**
 * Provider states as an outside backend sets them up: each state of each interaction is POSTed to
 * `setupUrl` as a {@link ProviderStateRequest}, before (`setup`) and after (`teardown`) the
 * interaction. A setup may answer a JSON object; a string `session_jwt` in it becomes the
 * interaction's session: the request filter puts it where the pact's requests carry
 * {@link SESSION_PLACEHOLDER} (the Bearer token, the session cookie). Its other values are Pact's
 * provider-state values (`fromProviderState`).
 *
 * @example
 * const states = forwardProviderStates('http://127.0.0.1:9000/_pact/provider-states');
 * new Verifier({ ...options, ...states });
 */
export function forwardProviderStates(
  setupUrl: string,
): Pick<VerifierOptions, 'stateHandlers' | 'requestFilter' | 'beforeEach'> {
  let session: string | undefined;

  const post = async (request: ProviderStateRequest) => {
    const response = await fetch(setupUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(STATE_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `The provider-states endpoint answered ${response.status} to ${request.action} of "${request.state}": ${text.slice(0, 300)}`,
      );
    }
    const values = parseValues(text);
    if (request.action === 'setup' && typeof values.session_jwt === 'string') session = values.session_jwt;
    return values;
  };

  const handlerFor = (state: string): StateHandler => ({
    setup: (params) => post({ state, params: asParams(params), action: 'setup' }),
    teardown: async (params) => {
      await post({ state, params: asParams(params), action: 'teardown' });
    },
  });

  // Pact looks a handler up by the state's name; every state goes to the same endpoint, and the pact
  // decides which states exist (a list here would go stale as interactions are added).
  const stateHandlers = new Proxy<StateHandlers>(
    {},
    { get: (_, state) => (typeof state === 'string' ? handlerFor(state) : undefined) },
  );

  const requestFilter: RequestFilter = (req, _res, next) => {
    if (session !== undefined) {
      for (const name of ['authorization', 'cookie']) {
        const value = req.headers[name];
        if (typeof value === 'string') req.headers[name] = value.replaceAll(SESSION_PLACEHOLDER, session);
      }
    }
    next();
  };

  return {
    stateHandlers,
    requestFilter,
    beforeEach: async () => {
      session = undefined;
    },
  };
}

function parseValues(text: string): StateValues {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as StateValues)
      : {};
  } catch {
    return {};
  }
}

function asParams(params: unknown): Record<string, unknown> {
  return params !== null && typeof params === 'object' ? (params as Record<string, unknown>) : {};
}
