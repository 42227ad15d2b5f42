import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import type { RequestLogEntry } from '@connected-apps/stytch-emulator';
import { isStytchRequestId } from './answer-checks.ts';
import type { CaseResult } from './fuzz-case-run.ts';
import { callKey, proxyUsersCall, usersCall } from './users-route.ts';

/** The proxy's request log lines, by their `request_id` (README "Logs": one line per request). */
export type LogById = ReadonlyMap<string, Record<string, unknown>>;

const SESSION_CHECKS = new Set([
  `${STYTCH_ROUTES.sessionsAuthenticate.method} ${STYTCH_ROUTES.sessionsAuthenticate.template}`,
]);
const JWKS_PREFIX = STYTCH_ROUTES.sessionsGetJWKS.template.split('{')[0]!;

/**
 * Ties one batch of cases to what the proxy logged and what reached Stytch. Every answer must have a
 * log line under its `X-Request-Id`, with its status. An answer is forwarded when its body is Stytch's
 * (Stytch's request id; for HEAD, the log line's); a forwarded answer must be a users call as sent (no dot-segment resolution, no
 * rewriting) for a user its credentials act for. And the users calls Stytch received must be exactly
 * the forwarded answers' calls: a refused request leaves none, a forwarded one exactly one. Besides
 * those, Stytch may only see the proxy's session checks and JWKS fetches, all with Basic auth.
 * Problems are pinned on a case where one can be; the rest are the batch's.
 */
export function accountBatch(
  results: readonly CaseResult[],
  logs: LogById,
  upstream: readonly RequestLogEntry[],
): { batchProblems: string[]; forwarded: number } {
  const expected = new Map<string, number>();
  for (const result of results) {
    for (const { method, target, actsFor, answer } of result.exchanges) {
      const id = answer.headers['x-request-id'];
      // An answer without the header is already a header problem; it cannot be looked up.
      const line = typeof id === 'string' ? logs.get(id) : undefined;
      if (typeof id === 'string' && !line) result.problems.push(`no log line for ${answer.status} ${method}`);
      if (line && line.status !== answer.status)
        result.problems.push(`logged ${String(line.status)}, answered ${answer.status}`);
      // Forwarded: the body is Stytch's (its request id); a HEAD answer has none, so its log line says.
      const stytchId = method === 'HEAD' ? line?.stytch_request_id : safeJson(answer.text)?.request_id;
      if (!isStytchRequestId(stytchId)) continue;
      if (line && line.stytch_request_id !== stytchId)
        result.problems.push("the log line lacks Stytch's request id");
      const call = proxyUsersCall(target);
      if (!call) {
        result.problems.push(`forwarded, but ${method} ${target.slice(0, 100)} is not a users call as sent`);
        continue;
      }
      if (actsFor !== 'anyone' && !actsFor.includes(call.user_id)) {
        result.problems.push('forwarded for a user the caller holds no credential for');
      }
      const key = callKey(call);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  const batchProblems: string[] = [];
  const received = new Map<string, number>();
  for (const { method, path, authorized } of upstream) {
    const where = `${method} ${path.slice(0, 120)}`;
    if (!authorized) batchProblems.push(`reached Stytch without valid Basic auth: ${where}`);
    if (SESSION_CHECKS.has(`${method} ${path}`) || (method === 'GET' && path.startsWith(JWKS_PREFIX)))
      continue;
    const call = usersCall(path);
    const expectedMethod = call && STYTCH_ROUTES[call.route].method;
    if (!call || !(method === expectedMethod || (method === 'HEAD' && expectedMethod === 'GET'))) {
      batchProblems.push(`reached Stytch outside the users routes: ${where}`);
      continue;
    }
    if (['.', '..'].includes(call.user_id) || ['.', '..'].includes(call.connected_app_id ?? '')) {
      batchProblems.push(`a dot segment reached Stytch: ${where}`);
    }
    const key = callKey(call);
    received.set(key, (received.get(key) ?? 0) + 1);
  }
  for (const key of new Set([...expected.keys(), ...received.keys()])) {
    // One problem per unaccounted call, so that a summary counts them.
    const diff = (received.get(key) ?? 0) - (expected.get(key) ?? 0);
    for (let i = 0; i < diff; i++)
      batchProblems.push(`a Stytch call no forwarded answer accounts for: ${key}`);
    for (let i = 0; i < -diff; i++) batchProblems.push(`a forwarded answer Stytch never received: ${key}`);
  }
  let forwarded = 0;
  for (const n of expected.values()) forwarded += n;
  return { batchProblems, forwarded };
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
