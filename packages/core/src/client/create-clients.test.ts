import { describe, expect, it } from 'vitest';
import { defaultBaseUrl } from '../wire/environment.ts';
import { createProxyClient } from './create-proxy-client.ts';
import { createStytchClient } from './create-stytch-client.ts';

describe('defaultBaseUrl', () => {
  it('sends live projects to api.stytch.com and everything else to test.stytch.com', () => {
    expect(defaultBaseUrl('project-live-1b2c')).toBe('https://api.stytch.com');
    expect(defaultBaseUrl('project-test-1b2c')).toBe('https://test.stytch.com');
  });
});

describe('client options', () => {
  const valid = { project_id: 'project-test-1', secret: 'secret-test-1' };

  it.each([
    [{ ...valid, project_id: '' }, 'project_id'],
    [{ ...valid, secret: '' }, 'secret'],
    [{ ...valid, baseUrl: '/relative' }, 'baseUrl'],
    [{ ...valid, baseUrl: 'ftp://example.com' }, 'baseUrl'],
    [{ ...valid, timeout: 0 }, 'timeout'],
    [{ ...valid, timeout: 2 ** 31 }, 'timeout'],
    [{ ...valid, retry: -1 }, 'retry.limit'],
  ])('createStytchClient rejects %j with an InvalidRequestError naming %s', (options, field) => {
    expect(() => createStytchClient(options)).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', error_details: { field } }),
    );
  });

  it('createProxyClient accepts a relative base URL and rejects a missing one', () => {
    expect(createProxyClient({ baseUrl: '/api' }).users.revoke).toBeTypeOf('function');
    expect(() => createProxyClient({} as { baseUrl: string })).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', error_details: { field: 'baseUrl' } }),
    );
  });
});
