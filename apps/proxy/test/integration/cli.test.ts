import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.ts';

describe('the CLI (src/main.ts)', () => {
  it('exits non-zero with one message naming each bad variable', async () => {
    const main = runMain({
      STYTCH_PROJECT_ID: 'not-a-project',
      PORT: '99999',
      CORS_ORIGINS: '*',
      STYTCH_SECRET: 'has a space',
    });
    expect(await main.exited).not.toBe(0);
    const text = main.output();
    for (const name of ['STYTCH_PROJECT_ID', 'STYTCH_SECRET', 'PORT', 'CORS_ORIGINS'])
      expect(text).toContain(`${name}:`);
    expect(text).not.toContain('has a space');
    expect(text.trim().startsWith('Invalid proxy configuration (4 problems)')).toBe(true);
  });
});
