import { stytchErrorBody } from '@connected-apps/core/wire';
import { proxyListPath, proxyRevokePath, stytchListPath, stytchRevokePath } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  answerProblems,
  catalogueProblems,
  DOCUMENTED_RESPONSE_HEADERS,
  headerProblems,
  stytchShapeProblems,
} from './support/answer-checks.ts';
import type { CaseResult } from './support/fuzz-case-run.ts';
import { accountBatch } from './support/upstream-accounting.ts';
import { proxyUsersCall, usersCall } from './support/users-route.ts';

// The fuzz and fault tests are only as good as their checks: each check must reject what it should.
const ours = 'b7c1e0a4-0000-4000-8000-000000000001';
const stytchId = 'request-id-test-00000000-0000-4000-8000-000000000002';
const answer = (status: number, body: unknown, headers: Answer['headers'] = {}): Answer => ({
  status,
  headers: {
    'content-type': 'application/json',
    ...DOCUMENTED_RESPONSE_HEADERS,
    'x-request-id': ours,
    ...headers,
  },
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const proxyError = (status: number, type: string) => ({
  status_code: status,
  request_id: ours,
  error_type: type,
  error_message: 'Something.',
  error_url: 'https://example.test/errors#x',
});
const alice = 'user-test-alice';
const app = 'connected-app-test-1';

describe('stytchShapeProblems', () => {
  it('accepts a Stytch error and a Stytch success', () => {
    expect(stytchShapeProblems('POST', answer(404, proxyError(404, 'route_not_found')))).toEqual([]);
    expect(stytchShapeProblems('POST', answer(200, { request_id: 'r', status_code: 200 }))).toEqual([]);
  });

  it('rejects plain text, a mismatched status_code and missing error fields', () => {
    expect(
      stytchShapeProblems('GET', answer(400, 'Bad Request', { 'content-type': 'text/plain' })),
    ).not.toEqual([]);
    expect(stytchShapeProblems('GET', answer(400, proxyError(401, 'x')))).not.toEqual([]);
    expect(stytchShapeProblems('GET', answer(403, { status_code: 403, request_id: 'r' }))).not.toEqual([]);
  });

  it('accepts an empty HEAD answer and rejects a HEAD answer with a body', () => {
    expect(stytchShapeProblems('HEAD', answer(200, ''))).toEqual([]);
    expect(stytchShapeProblems('HEAD', answer(200, '{}'))).not.toEqual([]);
  });
});

describe('catalogueProblems', () => {
  it("accepts the proxy's own types with their status, and Stytch's passed through", () => {
    expect(catalogueProblems(answer(403, proxyError(403, 'user_forbidden')))).toEqual([]);
    expect(catalogueProblems(answer(502, proxyError(502, 'upstream_unavailable')))).toEqual([]);
    expect(catalogueProblems(answer(404, stytchErrorBody('user_not_found', stytchId)))).toEqual([]);
    expect(
      catalogueProblems(answer(503, { ...proxyError(503, 'service_unavailable'), request_id: stytchId })),
    ).toEqual([]);
  });

  it('rejects an unknown type, a known type with another status and the proxy failing on its own', () => {
    expect(catalogueProblems(answer(400, proxyError(400, 'invalid_thing')))).not.toEqual([]);
    expect(catalogueProblems(answer(500, proxyError(500, 'upstream_timeout')))).not.toEqual([]);
    expect(catalogueProblems(answer(500, proxyError(500, 'internal_server_error')))).not.toEqual([]);
    expect(catalogueProblems(answer(400, stytchErrorBody('user_not_found', stytchId)))).not.toEqual([]);
  });
});

describe('headerProblems and answerProblems', () => {
  it('rejects an answer without the documented headers or with another request id than its body', () => {
    const bare: Answer = { status: 400, headers: { 'content-type': 'application/json' }, text: '{}' };
    expect(headerProblems('GET', bare)).toEqual([
      `documented headers missing or wrong: ${Object.keys(DOCUMENTED_RESPONSE_HEADERS).join(', ')}`,
      'x-request-id missing',
    ]);
    const other = answer(401, { ...proxyError(401, 'session_required'), request_id: 'another' });
    expect(headerProblems('GET', other)).not.toEqual([]);
  });

  it('accepts a documented success only on its own route', () => {
    const listed = { request_id: stytchId, status_code: 200, connected_apps: [] };
    expect(answerProblems('GET', proxyListPath(alice), answer(200, listed))).toEqual([]);
    expect(answerProblems('GET', proxyRevokePath(alice, app), answer(200, listed))).not.toEqual([]);
    expect(answerProblems('GET', '/api/v1/anything', answer(200, listed))).not.toEqual([]);
  });
});

describe('usersCall and proxyUsersCall', () => {
  it('reads both users routes and decodes their parameters', () => {
    expect(usersCall(stytchRevokePath(alice, 'a b'))).toEqual({
      route: 'usersRevoke',
      user_id: alice,
      connected_app_id: 'a b',
    });
    expect(proxyUsersCall(`http://other${proxyListPath(alice)}?x=1`)).toEqual({
      route: 'usersConnectedApps',
      user_id: alice,
    });
  });

  it('reads no call in extra segments, unresolved dot segments, bad escapes or other paths', () => {
    for (const path of [
      `/v1/users/x/../${alice}/connected_apps`,
      '/v1/users/%ZZ/connected_apps',
      '/v1/users//connected_apps',
    ]) {
      expect(usersCall(path)).toBeUndefined();
    }
    expect(proxyUsersCall(stytchListPath(alice))).toBeUndefined();
  });
});

describe('accountBatch', () => {
  type ActsFor = CaseResult['exchanges'][number]['actsFor'];
  const result = (
    target: string,
    body: Record<string, unknown> & { status_code: number },
    actsFor: ActsFor,
  ): CaseResult => ({
    kind: 'test',
    exchanges: [
      {
        method: target.endsWith('revoke') ? 'POST' : 'GET',
        target,
        actsFor,
        answer: answer(body.status_code, body),
      },
    ],
    problems: [],
    secrets: [],
    sample: target,
  });
  const forwardedList = () =>
    result(proxyListPath(alice), { request_id: stytchId, status_code: 200 }, [alice]);
  const logs = new Map([[ours, { request_id: ours, status: 200, stytch_request_id: stytchId }]]);
  const upstream = (path: string, method = 'GET', authorized = true) => ({
    method,
    path,
    authorized,
    at: '',
    status: 200,
  });

  it('accepts one Stytch call per forwarded answer, plus session checks', () => {
    const results = [forwardedList()];
    const calls = [upstream(stytchListPath(alice)), upstream('/v1/sessions/authenticate', 'POST')];
    expect(accountBatch(results, logs, calls)).toEqual({ batchProblems: [], forwarded: 1 });
    expect(results[0]!.problems).toEqual([]);
  });

  it('flags a call no answer accounts for, a missing call, missing Basic auth and a dot segment', () => {
    const refused = result(proxyListPath(alice), proxyError(401, 'session_required'), []);
    const refusedLogs = new Map([[ours, { request_id: ours, status: 401 }]]);
    expect(
      accountBatch([refused], refusedLogs, [upstream(stytchListPath(alice))]).batchProblems,
    ).toHaveLength(1);
    expect(accountBatch([forwardedList()], logs, []).batchProblems).toHaveLength(1);
    expect(
      accountBatch([forwardedList()], logs, [upstream(stytchListPath(alice), 'GET', false)]).batchProblems,
    ).toHaveLength(1);
    expect(accountBatch([], logs, [upstream('/v1/users/%2E%2E/connected_apps')]).batchProblems).toContain(
      'a dot segment reached Stytch: GET /v1/users/%2E%2E/connected_apps',
    );
  });

  it('pins a missing log line, an unresolved target and another user on the case', () => {
    const unlogged = forwardedList();
    accountBatch([unlogged], new Map(), [upstream(stytchListPath(alice))]);
    expect(unlogged.problems).toEqual(['no log line for 200 GET']);
    const resolved = result(
      `/api/v1/users/x/../${alice}/connected_apps`,
      { request_id: stytchId, status_code: 200 },
      [alice],
    );
    accountBatch([resolved], logs, [upstream(stytchListPath(alice))]);
    expect(resolved.problems).toHaveLength(1);
    const other = result(proxyListPath('user-test-bob'), { request_id: stytchId, status_code: 200 }, [alice]);
    accountBatch([other], logs, [upstream(stytchListPath('user-test-bob'))]);
    expect(other.problems).toEqual(['forwarded for a user the caller holds no credential for']);
  });
});
