import { describe, expect, it } from 'vitest';
import { rawPath, validPathParam } from './raw-path.ts';

const node = (url: string) => rawPath(new Request('http://x/normalized'), { env: { incoming: { url } } });

describe('rawPath', () => {
  it('keeps dot segments that URL parsing would resolve', () => {
    expect(node('/api/v1/users/me/../victim/connected_apps')).toBe(
      '/api/v1/users/me/../victim/connected_apps',
    );
    expect(node('/api/v1/users/%2e%2e/connected_apps?x=1')).toBe('/api/v1/users/../connected_apps');
  });

  it('keeps encoded slashes and percent signs encoded, as Hono does', () => {
    expect(node('/api/v1/users/a%2Fb/connected_apps')).toBe('/api/v1/users/a%2Fb/connected_apps');
    expect(node('/api/v1/users/a%252Fb/connected_apps')).toBe('/api/v1/users/a%252Fb/connected_apps');
  });

  it("falls back to the request URL's path without a Node request", () => {
    expect(rawPath(new Request('http://x/api/v1/users/u/connected_apps?q'))).toBe(
      '/api/v1/users/u/connected_apps',
    );
  });
});

describe('validPathParam', () => {
  it('accepts Stytch ids and external ids', () => {
    expect(validPathParam('user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6')).toBe(true);
    expect(validPathParam('ada.lovelace@example.com')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['dot-dot inside', 'a..b'],
    ['slash', 'a/b'],
    ['backslash', 'a\\b'],
    ['percent (double encoding)', 'a%2Fb'],
    ['query', 'a?b'],
    ['fragment', 'a#b'],
    ['newline', 'a\nb'],
    ['NUL', 'a\u0000b'],
    ['C1 control', 'a\u0085b'],
    ['over-long', 'x'.repeat(129)],
  ])('refuses %s', (_name, value) => {
    expect(validPathParam(value)).toBe(false);
  });
});
