import { fileURLToPath } from 'node:url';

/**
 * The `connected-apps-react` → `connected-apps-proxy` pact this package version ships: what the
 * React hooks of the same release send to their backend and expect back. Also importable as
 * `@connected-apps/contracts/pact.json`.
 */
export const PACT_FILE: string = fileURLToPath(
  new URL('../pact/connected-apps-react-connected-apps-proxy.json', import.meta.url),
);

/** The consumer and provider names the pact was written with. */
export const PACT_PARTICIPANTS = {
  consumer: 'connected-apps-react',
  provider: 'connected-apps-proxy',
} as const;

/**
 * The session JWT the pact's requests carry, in `Authorization: Bearer …` and in the session cookie:
 * obviously fake (`{"alg":"none"}`, `{"fake":true}`), so no real credential is ever in a pact. The
 * verification puts the `session_jwt` a provider state answered in its place.
 */
export const SESSION_PLACEHOLDER = 'eyJhbGciOiJub25lIn0.eyJmYWtlIjp0cnVlfQ.fake';
