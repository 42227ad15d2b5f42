import { createFetchTransport, type Transport } from '@connected-apps/core';

/**
 * Core's fetch transport for edge runtimes, where undici's pool is not available, except that it
 * never follows a redirect: a 3xx from Stytch is mapped to an error rather than re-sent elsewhere.
 *
 * @example
 * createStytchClient({ project_id, secret, transport: fetchTransport });
 */
export const fetchTransport: Transport = createFetchTransport({
  fetch: (input, init) => fetch(input, { ...init, redirect: 'manual' }),
});
