import { describe, expect, it } from 'vitest';
import { basicAuthorization } from './basic-auth.ts';

describe('basicAuthorization', () => {
  it.each([
    ['project-test-1', 'secret-test-abc'],
    ['project-test-ü', 'sécret-日本-😀'],
  ])('encodes %s:%s as UTF-8 base64 without Buffer', (user, password) => {
    const expected = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    expect(basicAuthorization(user, password)).toBe(expected);
  });
});
