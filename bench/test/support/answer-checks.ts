import {
  isConnectedAppsResponse,
  isRecord,
  isRevokeResponse,
  STYTCH_ERRORS,
} from '@connected-apps/core/wire';
import { PROXY_ERRORS } from '@connected-apps/proxy';
import { proxyUsersCall } from './users-route.ts';

/** One HTTP answer, however it was read (node:http or a raw socket). */
export interface Answer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as text. */
  text: string;
}

/**
 * The headers apps/proxy/README.md documents on every response (besides `X-Request-Id`), with their
 * values. Checked on every answer the suite gets, including the refusals of Node's HTTP parser.
 */
export const DOCUMENTED_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Proxy error types that stand for an upstream failure: the only 5xx the proxy may originate. */
const UPSTREAM_FAILURES = new Set([
  'upstream_unavailable',
  'upstream_invalid_response',
  'upstream_timeout',
  'not_ready',
]);

/** Stytch's request ids (`request-id-test-…`): a body carrying one was passed through from Stytch. */
export function isStytchRequestId(value: unknown): boolean {
  return typeof value === 'string' && /^request-id-(test|live)-/.test(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const header = (answer: Answer, name: string) => {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The `error_type` of an answer, or `undefined` for a success or a body that is not JSON. */
export function errorTypeOf(answer: Answer): string | undefined {
  const body = parseJson(answer.text);
  return isRecord(body) && typeof body.error_type === 'string' ? body.error_type : undefined;
}

/**
 * Everything that makes an answer not Stytch-shaped: a JSON object whose `status_code` is the HTTP
 * status, with a `request_id`, and for errors `error_type`, `error_message` and `error_url`. HEAD
 * answers and 204 preflight answers carry no body by definition and are checked for that only.
 */
export function stytchShapeProblems(method: string, answer: Answer): string[] {
  if (method === 'HEAD' || (answer.status === 204 && method === 'OPTIONS')) {
    return answer.text === '' ? [] : [`${answer.status} to ${method} has a body`];
  }
  const problems: string[] = [];
  if (!String(header(answer, 'content-type') ?? '').startsWith('application/json')) {
    problems.push(`content-type is ${JSON.stringify(header(answer, 'content-type'))}`);
  }
  const body = parseJson(answer.text);
  if (!isRecord(body))
    return [...problems, `body is not a JSON object: ${JSON.stringify(answer.text.slice(0, 120))}`];
  if (body.status_code !== answer.status)
    problems.push(`status_code ${body.status_code} ≠ HTTP ${answer.status}`);
  if (!nonEmptyString(body.request_id)) problems.push('request_id missing');
  if (answer.status >= 400) {
    for (const key of ['error_type', 'error_message', 'error_url']) {
      if (!nonEmptyString(body[key])) problems.push(`${key} missing`);
    }
  }
  return problems;
}

/**
 * Whether an error answer is in the catalogue: one of the proxy's own types (`PROXY_ERRORS`) with its
 * documented status, or Stytch's passed through under Stytch's request id — one of `STYTCH_ERRORS` with
 * its status, or any 5xx (an outage page's type is Stytch's to choose). The proxy itself originates
 * no 5xx but the upstream failures (502/503/504).
 */
export function catalogueProblems(answer: Answer): string[] {
  const body = parseJson(answer.text);
  if (answer.status < 400 || !isRecord(body) || typeof body.error_type !== 'string') return [];
  const type = body.error_type;
  if (isStytchRequestId(body.request_id)) {
    const stytch = STYTCH_ERRORS[type as keyof typeof STYTCH_ERRORS];
    const known = stytch?.status === answer.status || answer.status >= 500;
    return known ? [] : [`Stytch error ${type} with ${answer.status} is not Stytch's`];
  }
  const own = PROXY_ERRORS[type as keyof typeof PROXY_ERRORS];
  if (own?.status !== answer.status) return [`${answer.status} ${type} is not in the proxy's catalogue`];
  if (answer.status >= 500 && !UPSTREAM_FAILURES.has(type))
    return [`the proxy failed: ${answer.status} ${type}`];
  return [];
}

/** A success must have the documented shape of the route that answered it. */
function successProblems(method: string, target: string, answer: Answer): string[] {
  if (answer.status >= 300 || method === 'HEAD' || method === 'OPTIONS') return [];
  const call = proxyUsersCall(target);
  const body = parseJson(answer.text);
  if (answer.status === 200 && method === 'POST' && call?.route === 'usersRevoke' && isRevokeResponse(body))
    return [];
  if (
    answer.status === 200 &&
    method === 'GET' &&
    call?.route === 'usersConnectedApps' &&
    isConnectedAppsResponse(body)
  )
    return [];
  return [`${answer.status} to ${method} ${target.slice(0, 120)} is not a documented success`];
}

/**
 * The documented headers on every answer: {@link DOCUMENTED_RESPONSE_HEADERS} and an `X-Request-Id`,
 * which is the body's `request_id` unless the body was passed through from Stytch.
 */
export function headerProblems(method: string, answer: Answer): string[] {
  const wrong = Object.keys(DOCUMENTED_RESPONSE_HEADERS).filter(
    (name) => header(answer, name) !== DOCUMENTED_RESPONSE_HEADERS[name],
  );
  const problems = wrong.length ? [`documented headers missing or wrong: ${wrong.join(', ')}`] : [];
  const requestId = header(answer, 'x-request-id');
  if (!nonEmptyString(requestId)) return [...problems, 'x-request-id missing'];
  const body = method === 'HEAD' ? undefined : parseJson(answer.text);
  if (isRecord(body) && !isStytchRequestId(body.request_id) && body.request_id !== requestId) {
    problems.push(`x-request-id ${requestId} ≠ request_id ${String(body.request_id)}`);
  }
  return problems;
}

/**
 * Everything wrong with the proxy's answer to `method target`: not Stytch-shaped, outside the error
 * catalogue, not a documented success, or without the documented headers. Empty when it is fine.
 *
 * @example
 * expect(answerProblems('GET', '/api/v1/users/x/connected_apps', answer)).toEqual([]);
 */
export function answerProblems(method: string, target: string, answer: Answer): string[] {
  const shape = stytchShapeProblems(method, answer);
  return [
    ...shape,
    ...(shape.length ? [] : [...catalogueProblems(answer), ...successProblems(method, target, answer)]),
    ...headerProblems(method, answer),
  ];
}
