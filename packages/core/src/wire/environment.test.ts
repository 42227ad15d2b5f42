import { describe, expect, it } from 'vitest';
import { isHttpBaseUrl } from './environment.ts';

describe('isHttpBaseUrl', () => {
  it.each(['https://api.stytch.com', 'https://login.example.com/', 'http://127.0.0.1:9010'])(
    'accepts %s',
    (value) => {
      expect(isHttpBaseUrl(value)).toBe(true);
    },
  );

  it.each([
    ['a relative path', '/api'],
    ['a host without a scheme', 'api.stytch.com'],
    ['another scheme', 'ftp://api.stytch.com'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an empty string', ''],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s', (_label, value) => {
    expect(isHttpBaseUrl(value)).toBe(false);
  });
});
