import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors/proxy-error.ts';
import { parsedBodyText } from './parsed-body.ts';

const withBody = (body: unknown) => ({ body }) as unknown as IncomingMessage;

describe('parsedBodyText (a body a host parser read before the proxy)', () => {
  it('serializes a parsed JSON value again, so {} stays {} and anything else stays refusable', () => {
    expect(parsedBodyText(withBody({}), 1024)).toBe('{}');
    expect(parsedBodyText(withBody([]), 1024)).toBe('[]');
    expect(parsedBodyText(withBody({ a: 1 }), 1024)).toBe('{"a":1}');
    expect(parsedBodyText(withBody(null), 1024)).toBe('null');
  });

  it('takes a string or a Buffer as it is', () => {
    expect(parsedBodyText(withBody(' {} '), 1024)).toBe(' {} ');
    expect(parsedBodyText(withBody(Buffer.from('{"a":1}')), 1024)).toBe('{"a":1}');
  });

  it('is too large past the limit, counted in bytes', () => {
    expect(parsedBodyText(withBody({ s: 'é'.repeat(7) }), 20)).toBe('too_large');
    expect(parsedBodyText(withBody({ s: 'e'.repeat(7) }), 20)).toBe('{"s":"eeeeeee"}');
  });

  it('fails with a 500, never an empty body, when the parser left nothing to check', () => {
    for (const body of [undefined, () => {}]) {
      let thrown: unknown;
      try {
        parsedBodyText(withBody(body), 1024);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProxyError);
      expect((thrown as ProxyError).type).toBe('internal_server_error');
    }
  });
});
