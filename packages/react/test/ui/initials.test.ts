import { describe, expect, it } from 'vitest';
import { hueOf, initialsOf } from '../../src/ui/initials.ts';

describe('initials and hue of an app without a logo', () => {
  it('takes the first character of the first two words, upper-cased, whole characters only', () => {
    expect(initialsOf('Insights Dashboard')).toBe('ID');
    expect(initialsOf('pocket notes app')).toBe('PN');
    expect(initialsOf('  Notion ')).toBe('N');
    expect(initialsOf('🚀 Launch')).toBe('🚀L');
    expect(initialsOf('   ')).toBe('?');
  });

  it('gives a name the same hue every time, and different names different hues', () => {
    expect(hueOf('Deploy Bot')).toBe(hueOf('Deploy Bot'));
    expect(hueOf('Deploy Bot')).not.toBe(hueOf('Calendar Sync'));
    expect(hueOf('Deploy Bot')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Deploy Bot')).toBeLessThan(360);
  });
});
