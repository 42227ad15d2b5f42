import { describe, expect, it } from 'vitest';
import { initialsOf } from '../src/components/app-logo.tsx';

describe('initialsOf', () => {
  it('takes the first letter of the first two words, upper-cased', () => {
    expect(initialsOf('Insights Dashboard')).toBe('ID');
    expect(initialsOf('pocket notes app')).toBe('PN');
    expect(initialsOf('  Notion ')).toBe('N');
  });

  it('falls back to a question mark for an empty name', () => {
    expect(initialsOf('   ')).toBe('?');
  });
});
