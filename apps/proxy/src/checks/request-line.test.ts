import { describe, expect, it } from 'vitest';
import type { RequestView } from '../pipeline/exchange.ts';
import { createRequestLineCheck } from './request-line.ts';

const readPath = createRequestLineCheck(new Set(['/healthz']));
/** `host: null` sends no Host header. */
const view = (
  target: string,
  host: string | null = 'proxy.example',
  httpVersion = '1.1',
  transferEncoding?: string,
): RequestView => ({
  method: 'GET',
  target,
  httpVersion,
  host: host ?? undefined,
  remoteAddress: undefined,
  header: (name) => (name === 'transfer-encoding' ? transferEncoding : undefined),
  hasBody: () => false,
  readBody: () => '',
});
const refusal = (request: RequestView) => {
  try {
    readPath(request);
  } catch (error) {
    return error;
  }
  throw new Error('the request line was accepted');
};

describe('createRequestLineCheck', () => {
  it('routes the path of an origin-form target, query and fragment left out', () => {
    expect(readPath(view('/api/v1/users/u/connected_apps?x=1'))).toBe('/api/v1/users/u/connected_apps');
    expect(readPath(view('/healthz#top', '127.0.0.1:8787'))).toBe('/healthz');
    expect(readPath(view('/healthz', '[::1]:8787'))).toBe('/healthz');
  });

  it.each([
    ['an absolute-form target', view('http://other.host/api/v1/users/u/connected_apps')],
    ['an asterisk-form target', view('*')],
    ['a backslash', view('/api/v1/users/a\\..\\b/connected_apps')],
    ['no Host on HTTP/1.1', view('/healthz', null)],
    ['no Host on HTTP/1.0 outside the probes', view('/api/v1/users/u/connected_apps', null, '1.0')],
    ['a Host that is not a host', view('/healthz', 'a b/c')],
    ['a Transfer-Encoding that does not end with chunked', view('/healthz', 'x', '1.1', 'chunked, gzip')],
  ])('refuses %s with bad_request', (_name, request) => {
    expect(refusal(request)).toMatchObject({ name: 'ProxyError', type: 'bad_request' });
  });

  it('takes a Transfer-Encoding that ends with chunked', () => {
    expect(readPath(view('/healthz', 'x', '1.1', 'gzip, Chunked'))).toBe('/healthz');
  });

  it('lets an HTTP/1.0 health check without Host through to the probes', () => {
    expect(readPath(view('/healthz', null, '1.0'))).toBe('/healthz');
  });
});
