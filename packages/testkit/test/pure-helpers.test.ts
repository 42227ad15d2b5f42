import { InvalidRequestError } from '@connected-apps/core';
import { describe, expect, it } from 'vitest';
import {
  bearer,
  captureLogs,
  parseHttpResponse,
  parseHttpResponses,
  proxyListPath,
  proxyRevokePath,
  sessionJwtCookie,
  sessionTokenCookie,
  stytchListPath,
  stytchRevokePath,
  withTamperedSignature,
} from '../src/index.ts';

describe('paths', () => {
  it('builds Stytch wire paths and the proxy paths under a base path', () => {
    expect(stytchRevokePath('user-test-1', 'connected-app-test-2')).toBe(
      '/v1/users/user-test-1/connected_apps/connected-app-test-2/revoke',
    );
    expect(stytchListPath('user-test-1')).toBe('/v1/users/user-test-1/connected_apps');
    expect(proxyRevokePath('u', 'a')).toBe('/api/v1/users/u/connected_apps/a/revoke');
    expect(proxyListPath('u', '/connected')).toBe('/connected/v1/users/u/connected_apps');
  });

  it('percent-encodes an id as every hop does, and refuses one the wire rule refuses', () => {
    expect(stytchListPath('ada@example.com')).toBe('/v1/users/ada%40example.com/connected_apps');
    expect(() => stytchRevokePath('..', 'a')).toThrow(InvalidRequestError);
    expect(() => stytchListPath('')).toThrow(InvalidRequestError);
  });
});

describe('credentials', () => {
  it('writes the headers a caller with a session sends', () => {
    expect(bearer('a.b.c')).toEqual({ authorization: 'Bearer a.b.c' });
    expect(sessionJwtCookie('a.b.c')).toEqual({ cookie: 'stytch_session_jwt=a.b.c' });
    expect(sessionTokenCookie('tok')).toEqual({ cookie: 'stytch_session=tok' });
  });

  it('tampers with one middle character of the signature only', () => {
    const jwt = 'aaa.bbb.ABCDEFGH';
    const tampered = withTamperedSignature(jwt);
    expect(tampered).not.toBe(jwt);
    expect(tampered.slice(0, 8)).toBe('aaa.bbb.');
    expect(tampered.at(-1)).toBe('H');
    expect([...tampered].filter((c, i) => c !== jwt[i])).toHaveLength(1);
  });
});

describe('captureLogs', () => {
  it('keeps what was written, parses JSON lines, and stays within its limit', () => {
    const logs = captureLogs({ limit: 2 });
    logs.write('{"msg":"one"}\n');
    logs.write('{"msg":"two"}\n');
    logs.write('{"msg":"three"}\n');
    expect(logs.lines()).toEqual([{ msg: 'two' }, { msg: 'three' }]);
    expect(logs.text()).toBe('{"msg":"two"}\n{"msg":"three"}\n');
    logs.clear();
    expect(logs.lines()).toEqual([]);
  });
});

describe('parseHttpResponse', () => {
  it('undoes chunked framing', () => {
    const res = parseHttpResponse(
      bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'),
      false,
    );
    expect(res).toMatchObject({ status: 200, body: 'abcde', complete: true });
  });

  const bytes = (text: string) => Buffer.from(text, 'latin1');

  it('reads the status line, lower-cased headers and a body cut at content-length', () => {
    const res = parseHttpResponse(
      bytes(
        'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 2\r\n\r\n{}extra',
      ),
      true,
    );
    expect(res).toMatchObject({
      status: 400,
      statusText: 'Bad Request',
      headers: { 'content-type': 'application/json', 'x-a': '1, 2', 'content-length': '2' },
      body: '{}',
      closed: true,
      complete: true,
    });
  });

  it('says a response is incomplete until its whole body is there, and reads no status from garbage', () => {
    expect(parseHttpResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab'), false).complete).toBe(
      false,
    );
    expect(parseHttpResponse(bytes('HTTP/1.1 200 OK\r\nContent-Le'), false).complete).toBe(false);
    expect(
      parseHttpResponse(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n'), false),
    ).toMatchObject({ body: 'abc', complete: false });
    expect(parseHttpResponse(bytes('garbage'), true)).toMatchObject({ status: 0, headers: {}, body: '' });
  });
});

describe('parseHttpResponses', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');

  it('splits pipelined answers by their framing, and keeps what is not a whole answer', () => {
    const { responses, leftover } = parseHttpResponses(
      bytes(
        'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok' +
          'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n' +
          'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\ncut',
      ),
      false,
    );
    expect(responses.map(({ status, body }) => [status, body])).toEqual([
      [200, 'ok'],
      [201, 'a'],
    ]);
    expect(leftover).toBe('HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\ncut');
  });

  it('ends an answer with neither framing at the close, and only there', () => {
    const answer = bytes('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nrest');
    expect(parseHttpResponses(answer, true).responses).toMatchObject([{ status: 400, body: 'rest' }]);
    expect(parseHttpResponses(answer, false).responses).toEqual([]);
  });
});
