import { describe, expect, it } from 'vitest';
import { describeCause, sanitizeCause } from './sanitize-cause.ts';

describe('sanitizeCause', () => {
  it('keeps name, message, code and the cause chain, and drops everything else', () => {
    const root = Object.assign(new Error('other side closed'), {
      name: 'SocketError',
      code: 'UND_ERR_SOCKET',
      socket: {},
    });
    const outer = Object.assign(new TypeError('fetch failed', { cause: root }), {
      request: { headers: { authorization: 'Basic c2VjcmV0' } },
    });
    const copy = sanitizeCause(outer, ['c2VjcmV0']);
    expect(copy).toBeInstanceOf(Error);
    expect(copy?.name).toBe('TypeError');
    expect(copy?.message).toBe('fetch failed');
    expect(Object.keys(copy ?? {})).not.toContain('request');
    expect(copy?.cause).toMatchObject({
      name: 'SocketError',
      message: 'other side closed',
      code: 'UND_ERR_SOCKET',
    });
    expect(Object.keys((copy?.cause as object) ?? {})).not.toContain('socket');
    expect(describeCause(copy)).toBe('UND_ERR_SOCKET: other side closed');
  });

  it('redacts secrets from messages and stacks', () => {
    const copy = sanitizeCause(new Error('bad header: Basic c2VjcmV0'), ['c2VjcmV0']);
    expect(copy?.message).toBe('bad header: Basic [REDACTED]');
    expect(copy?.stack).not.toContain('c2VjcmV0');
  });

  it('returns undefined for non-errors', () => {
    expect(sanitizeCause(undefined, [])).toBeUndefined();
    expect(sanitizeCause('boom', [])).toBeUndefined();
  });
});
