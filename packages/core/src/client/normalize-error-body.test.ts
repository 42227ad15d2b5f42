import { describe, expect, it } from 'vitest';
import { normalizeErrorBody } from './normalize-error-body.ts';

describe('normalizeErrorBody', () => {
  it('keeps a Stytch body, error_details included', () => {
    const body = {
      status_code: 400,
      request_id: 'request-id-test-1',
      error_type: 'bad_request',
      error_message: 'Bad.',
      error_url: 'https://stytch.com/docs/api/errors/400',
      error_details: [{ field: 'user_id' }],
    };
    expect(normalizeErrorBody(body, 400, 'local-x')).toEqual(body);
  });

  it.each([
    [
      'fills missing Stytch fields from the HTTP status and the local request id',
      { error_type: 'too_many_requests' },
      429,
      { error_type: 'too_many_requests', error_message: '' },
    ],
    [
      'maps OAuth2 fields; error_description falls back to the error code',
      { error: 'invalid_grant' },
      400,
      { error_type: 'invalid_grant', error_message: 'invalid_grant' },
    ],
  ])('%s', (_label, body, status, expected) => {
    expect(normalizeErrorBody(body, status, 'local-x')).toEqual({
      status_code: status,
      request_id: 'local-x',
      error_url: '',
      ...expected,
    });
  });

  it.each([null, 'text', [], { message: 'nope' }, { error_type: 42 }])('returns undefined for %j', (body) => {
    expect(normalizeErrorBody(body, 500, 'local-x')).toBeUndefined();
  });
});
