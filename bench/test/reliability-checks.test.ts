import { describe, expect, it } from 'vitest';
import type { RawResponse } from './support/raw-request.ts';
import { isUnexpected5xx, stytchShapeProblems } from './support/stytch-shape.ts';
import { upstreamRequestProblems } from './support/upstream-paths.ts';

// The fuzz and fault tests are only as good as their checks: each check must reject what it should.
const response = (status: number, body: unknown, contentType = 'application/json'): RawResponse => ({
  status,
  headers: { 'content-type': contentType },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  durationMs: 1,
});
const stytchError = (status: number, type: string, requestId = 'req-1') => ({
  status_code: status,
  request_id: requestId,
  error_type: type,
  error_message: 'Something.',
  error_url: 'https://example.test/errors#x',
});

describe('stytchShapeProblems', () => {
  it('accepts a Stytch error and a Stytch success', () => {
    expect(stytchShapeProblems('POST', response(404, stytchError(404, 'route_not_found')))).toEqual([]);
    expect(stytchShapeProblems('POST', response(200, { request_id: 'r', status_code: 200 }))).toEqual([]);
  });

  it('rejects plain text, a mismatched status_code and missing error fields', () => {
    expect(stytchShapeProblems('GET', response(400, 'Bad Request', 'text/plain'))).not.toEqual([]);
    expect(stytchShapeProblems('GET', response(400, stytchError(401, 'x')))).not.toEqual([]);
    expect(stytchShapeProblems('GET', response(403, { status_code: 403, request_id: 'r' }))).not.toEqual([]);
  });

  it('accepts an empty HEAD answer and rejects a HEAD answer with a body', () => {
    expect(stytchShapeProblems('HEAD', response(200, ''))).toEqual([]);
    expect(stytchShapeProblems('HEAD', response(200, '{}'))).not.toEqual([]);
  });
});

describe('isUnexpected5xx', () => {
  it('allows the mapped upstream failures and Stytch errors passed through', () => {
    expect(isUnexpected5xx(response(502, stytchError(502, 'upstream_unavailable')))).toBe(false);
    expect(isUnexpected5xx(response(504, stytchError(504, 'upstream_timeout')))).toBe(false);
    expect(
      isUnexpected5xx(response(500, stytchError(500, 'internal_server_error', 'request-id-test-1'))),
    ).toBe(false);
  });

  it('flags the proxy’s own 500 and a mapped type with the wrong status', () => {
    expect(isUnexpected5xx(response(500, stytchError(500, 'internal_server_error', 'local-1')))).toBe(true);
    expect(isUnexpected5xx(response(500, stytchError(500, 'upstream_timeout')))).toBe(true);
  });
});

describe('upstreamRequestProblems', () => {
  const project = 'project-test-1';
  const alice = 'user-test-alice';

  it('accepts the two forwarding shapes for the caller and the session endpoints', () => {
    const requests = [
      {
        method: 'POST',
        path: `/v1/users/${alice}/connected_apps/connected-app-test-1/revoke`,
        authorized: true,
      },
      { method: 'GET', path: `/v1/users/${alice}/connected_apps`, authorized: true },
      { method: 'GET', path: `/v1/sessions/jwks/${project}`, authorized: true },
      { method: 'POST', path: '/v1/sessions/authenticate', authorized: true },
    ];
    expect(upstreamRequestProblems(requests, [alice], project)).toEqual([]);
  });

  it('flags another user, a dot segment, an extra segment, a wrong method and missing credentials', () => {
    const cases = [
      { method: 'GET', path: '/v1/users/user-test-bob/connected_apps', authorized: true },
      { method: 'GET', path: '/v1/users/%2E%2E/connected_apps', authorized: true },
      { method: 'GET', path: `/v1/users/${alice}/x/connected_apps`, authorized: true },
      { method: 'DELETE', path: `/v1/users/${alice}/connected_apps`, authorized: true },
      { method: 'GET', path: `/v1/users/${alice}/connected_apps`, authorized: false },
    ];
    for (const request of cases) expect(upstreamRequestProblems([request], [alice], project)).not.toEqual([]);
  });
});
