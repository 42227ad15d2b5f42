import { describe, expect, it } from 'vitest';
import { sessionJwtIssuer, sessionJwtIssuers } from './session.ts';

describe('sessionJwtIssuers', () => {
  const project = 'project-test-made-up-for-this-test';

  it("is Stytch's own issuer alone without a custom domain", () => {
    expect(sessionJwtIssuers(project)).toEqual([`stytch.com/${project}`]);
    expect(sessionJwtIssuers(project, '')).toEqual([sessionJwtIssuer(project)]);
  });

  it('adds the custom domain base URL without its trailing slashes, as the SDK does', () => {
    expect(sessionJwtIssuers(project, 'https://login.example.com/')).toEqual([
      `stytch.com/${project}`,
      'https://login.example.com',
    ]);
    expect(sessionJwtIssuers(project, 'https://login.example.com//')).toEqual([
      `stytch.com/${project}`,
      'https://login.example.com',
    ]);
    expect(sessionJwtIssuers(project, 'https://login.example.com/base')).toEqual([
      `stytch.com/${project}`,
      'https://login.example.com/base',
    ]);
  });
});
