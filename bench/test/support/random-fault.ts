import type { FaultInput } from '@connected-apps/stytch-emulator';

export type { FaultInput };

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/**
 * One random upstream fault on the revoke and list paths of any user: an error status (with
 * Retry-After for 429), a dropped connection, a malformed or HTML body, or latency up to beyond
 * the proxy's budget; applying to the next one to four matching requests (so some outlast the proxy's two retries).
 *
 * @example
 * await emulator.control.injectFault(randomFault());
 */
export function randomFault(): FaultInput {
  const base = { path: '/v1/users/*', times: 1 + Math.floor(Math.random() * 4) };
  const kinds: (() => FaultInput)[] = [
    () => ({ ...base, status: pick([500, 502, 503, 504]) }),
    () => ({ ...base, status: 429, retry_after: 1 }),
    () => ({ ...base, drop_connection: true }),
    () => ({ ...base, malformed_json: true }),
    () => ({ ...base, status: 502, body: '<html>Bad gateway</html>', content_type: 'text/html' }),
    () => ({ ...base, latency_ms: 200 + Math.floor(Math.random() * 2500) }),
  ];
  return pick(kinds)();
}
