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

  it('fills missing Stytch fields from the HTTP status and the local request id', () => {
    expect(normalizeErrorBody({ error_type: 'too_many_requests' }, 429, 'local-x')).toEqual({
      status_code: 429,
      request_id: 'local-x',
      error_type: 'too_many_requests',
      error_message: '',
      error_url: '',
    });
  });

  it('maps OAuth2 fields; error_description falls back to the error code', () => {
    expect(normalizeErrorBody({ error: 'invalid_grant' }, 400, 'local-x')).toEqual({
      status_code: 400,
      request_id: 'local-x',
      error_type: 'invalid_grant',
      error_message: 'invalid_grant',
      error_url: '',
    });
  });

  it.each([null, 'text', [], { message: 'nope' }, { error_type: 42 }])('returns undefined for %j', (body) => {
    expect(normalizeErrorBody(body, 500, 'local-x')).toBeUndefined();
  });
});
