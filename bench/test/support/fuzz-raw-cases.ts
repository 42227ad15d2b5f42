import fc from 'fast-check';
import {
  type ActsFor,
  type BaseCall,
  baseCalls,
  headerLines,
  type MessageParts,
  message,
} from './raw-messages.ts';
import type { ReliabilityStack } from './reliability-stack.ts';

/** One request (of possibly several) a raw case's bytes hold. */
export interface RawMessage {
  method: string;
  target: string;
  actsFor: ActsFor;
}

/** A malformed exchange written byte by byte, and what the documented contract lets the proxy answer. */
export interface RawCase {
  kind: string;
  bytes: string;
  /** End the write side after sending: for a message cut short on purpose. */
  halfClose: boolean;
  /** The requests in `bytes`, in order: answer i answers message i. */
  messages: RawMessage[];
  /** When set, the answer must be a refusal with one of these statuses. */
  refuse?: readonly number[];
  /**
   * The same request well-formed: the first answer must match its answer (status and error type),
   * unless `refuse` allows a refusal; any later answer must be a 400.
   */
  reference?: string;
  /** Credentials sent, which must never come back or be logged. */
  sentSecrets: string[];
}

const BAD_REQUEST = [400] as const;
/** A message whose body framing is broken: refused, and the stream ends so the server never waits for more. */
const CUT_SHORT = { refuse: BAD_REQUEST, halfClose: true } as const;

function rawCase(kind: string, call: BaseCall, bytes: string, rest: Partial<RawCase> = {}): RawCase {
  return {
    kind,
    bytes,
    halfClose: false,
    messages: [{ method: call.method, target: call.target, actsFor: call.actsFor }],
    sentSecrets: call.secrets,
    ...rest,
  };
}

/** The call written out, with some of its parts replaced (none: the well-formed reference). */
const write = (c: BaseCall, parts: Partial<MessageParts> = {}) =>
  message({ method: c.method, target: c.target, headers: headerLines(c), body: c.body, ...parts });

/** The call with its own Content-Length replaced by `framing` lines, and `body`: to lie about the body. */
const framed = (c: BaseCall, framing: string[], body = '{}') =>
  write(c, { headers: [...headerLines(c, { length: false }), ...framing], body });

/** One kind of damage: a call from `calls`, a variant from `variants`, and how they make a case. */
const kind = <V>(
  calls: fc.Arbitrary<BaseCall>,
  variants: fc.Arbitrary<V>,
  build: (c: BaseCall, v: V) => RawCase,
) => fc.tuple(calls, variants).map(([c, v]) => build(c, v));

const printable = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength,
  });

/** Request lines no parser may accept: no version, a wrong one, stray bytes, an HTTP/2 preface… */
function badRequestLine(call: BaseCall): fc.Arbitrary<string> {
  const path = call.target;
  return fc.oneof(
    fc.constantFrom(
      'GARBAGE',
      'GET',
      `GET ${path} HTTP/9.9`,
      `GET ${path} HTTP/1.1 extra`,
      `GET ${path} HTTPS/1.1`,
      `get ${path} HTTP/1.1`,
      `\x00GET ${path} HTTP/1.1`,
      `GET ${path.slice(1)} HTTP/1.1`,
      `GET /api/\xff/connected_apps HTTP/1.1`,
      `GET ${path}\x7f HTTP/1.1`,
      `POST * HTTP/1.1`,
      'PRI * HTTP/2.0\r\n\r\nSM',
    ),
    printable(40),
  );
}

/**
 * Raw requests that only an HTTP parser sees, written over node:net: bad request lines, obs-fold,
 * Content-Length with Transfer-Encoding, broken chunked framing, headers past 16 KB, NUL/CR/LF in
 * header values, bare-LF line endings, absolute-form targets (with dot segments), HTTP/1.0 without
 * Host, HTTP/1.1 without Host, bad or huge or negative Content-Length, bad header names, unsupported
 * methods, CONNECT, and garbage pipelined after a valid request. Each damages one of {@link baseCalls}.
 * Where RFC 9110/9112 leave the server a choice (obs-fold, NUL/CR in a value, bare LF, CL with TE),
 * any answer in the catalogue will do; where they say MUST reject, `refuse` says so.
 *
 * @example
 * const cases = fc.sample(fuzzRawCase(stack), 100);
 */
export function fuzzRawCase(stack: ReliabilityStack): fc.Arbitrary<RawCase> {
  const calls = baseCalls(stack);
  const any = fc.constantFrom(...calls);
  // Calls that succeed when well-formed: a damaged copy must not turn into another answer.
  const good = fc.constantFrom(...calls.filter((c) => c.actsFor.length > 0 && c.name !== 'another user'));
  // Body framing is only read on a route that takes a body: a list would be refused 405 first.
  const revoke = fc.constantFrom(...calls.filter((c) => c.method === 'POST'));
  const port = new URL(stack.url).port;
  return fc.oneof(
    kind(any, any.chain(badRequestLine), (c, line) =>
      rawCase('bad request line', c, `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`, {
        refuse: BAD_REQUEST,
      }),
    ),
    kind(any, fc.constantFrom('\r\n b', '\r\n\tb', '\r\n \r\n'), (c, fold) => {
      const [host, ...rest] = headerLines(c);
      return rawCase('obs-fold', c, write(c, { headers: [host!, `X-Note: a${fold}`, ...rest] }));
    }),
    kind(revoke, fc.boolean(), (c, smuggle) => {
      // With `smuggle`, Content-Length covers a second request hidden after the chunked body's end.
      const hidden = smuggle ? message({ method: 'GET', target: c.target, headers: ['Host: x'] }) : '';
      const body = `2\r\n{}\r\n0\r\n\r\n${hidden}`;
      const bytes = framed(c, [`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked'], body);
      return rawCase('Content-Length with Transfer-Encoding', c, bytes);
    }),
    kind(
      revoke,
      fc.constantFrom('chunked, identity', 'xchunked', 'identity', 'gzip', 'chunked\x00'),
      (c, coding) =>
        rawCase(
          'Transfer-Encoding not chunked-final',
          c,
          framed(c, [`Transfer-Encoding: ${coding}`]),
          CUT_SHORT,
        ),
    ),
    kind(
      revoke,
      fc.constantFrom(
        'zz\r\n{}\r\n0\r\n\r\n',
        '2\r\n{}0\r\n\r\n',
        '-2\r\n{}\r\n0\r\n\r\n',
        'ffffffffffffffffff\r\n{}\r\n0\r\n\r\n',
        '2\n{}\n0\n\n',
        '2\r\n{}\r\n',
        '3\r\n{}\r\n0\r\n\r\n',
      ),
      (c, chunks) =>
        rawCase('bad chunked framing', c, framed(c, ['Transfer-Encoding: chunked'], chunks), CUT_SHORT),
    ),
    kind(any, fc.tuple(fc.integer({ min: 17, max: 64 }), fc.boolean()), (c, [kB, many]) => {
      const pad = many
        ? Array.from({ length: kB }, (_, i) => `X-Pad-${i}: ${'p'.repeat(1020)}`)
        : [`X-Pad: ${'p'.repeat(kB * 1024)}`];
      return rawCase('headers past 16 KB', c, write(c, { headers: [...headerLines(c), ...pad] }), {
        refuse: [400, 431],
      });
    }),
    kind(
      any,
      fc.tuple(fc.constantFrom('\x00', '\r', '\n', '\r\r', '\x00\r\n'), fc.boolean()),
      (c, [bad, inAuth]) => {
        const headers = inAuth
          ? headerLines(c).map((line) => (line.startsWith('Authorization') ? `${line}${bad}x` : line))
          : [...headerLines(c), `X-Note: a${bad}b`];
        return rawCase('NUL, CR or LF in a header value', c, write(c, { headers }));
      },
    ),
    any.map((c) => rawCase('bare LF line endings', c, write(c, { eol: '\n' }))),
    kind(
      good,
      fc.tuple(
        fc.constantFrom('http://other', 'https://other', `http://127.0.0.1:${port}`, 'http://localhost'),
        fc.constantFrom('', '/x/..', '/%2e%2e', '/./x/..'),
      ),
      (c, [origin, dots]) => {
        // Dots inserted after /api/v1/users: resolved, the target is the well-formed one again.
        const target = c.target.replace('/v1/users/', `/v1/users${dots}/`);
        return rawCase('absolute-form target', c, write(c, { target: `${origin}${target}` }), {
          messages: [{ method: c.method, target, actsFor: c.actsFor }],
          refuse: BAD_REQUEST,
          reference: write(c, { target }),
        });
      },
    ),
    any.map((c) =>
      rawCase(
        'HTTP/1.0 without Host',
        c,
        write(c, { version: 'HTTP/1.0', headers: headerLines(c, { host: false }) }),
      ),
    ),
    any.map((c) =>
      rawCase('HTTP/1.1 without Host', c, write(c, { headers: headerLines(c, { host: false }) }), {
        refuse: BAD_REQUEST,
      }),
    ),
    kind(
      revoke,
      fc.constantFrom(
        '-1',
        '-0',
        'abc',
        '1e3',
        '0x2',
        '2 2',
        '+2',
        '2, 3',
        '99999999999999999999',
        '18446744073709551616',
      ),
      (c, length) => rawCase('bad Content-Length', c, framed(c, [`Content-Length: ${length}`]), CUT_SHORT),
    ),
    kind(revoke, fc.constantFrom(['2', '3'], ['2', '2, 3']), (c, lengths) =>
      rawCase(
        'two Content-Lengths',
        c,
        framed(
          c,
          lengths.map((l) => `Content-Length: ${l}`),
        ),
        CUT_SHORT,
      ),
    ),
    // The body stops short of what Content-Length promised, and the stream ends.
    kind(revoke, fc.constantFrom(10, 1_000_000, 1_000_000_000_000), (c, length) =>
      rawCase('Content-Length past the body', c, framed(c, [`Content-Length: ${length}`]), {
        ...CUT_SHORT,
        refuse: [400, 413],
      }),
    ),
    kind(
      any,
      fc.constantFrom(
        'X A: b',
        'X-A : b',
        ': b',
        'X-\x7f: b',
        'X-A\x00: b',
        'X-(A): b',
        'Authorization : Bearer x',
      ),
      (c, line) =>
        rawCase('bad header name', c, write(c, { headers: [...headerLines(c), line] }), {
          refuse: BAD_REQUEST,
        }),
    ),
    kind(
      any,
      fc.constantFrom(
        'BREW',
        'PROPFIND',
        'TRACE',
        'PURGE',
        'LOCK',
        'SEARCH',
        'MKCOL',
        'LINK',
        'QUERY',
        'M-SEARCH',
        'SOURCE',
      ),
      (c, method) =>
        rawCase('unsupported method', c, write(c, { method }), {
          messages: [{ method, target: c.target, actsFor: c.actsFor }],
          refuse: [400, 404, 405],
        }),
    ),
    kind(any, fc.constantFrom('127.0.0.1:443', 'other:80', '[::1]:22'), (c, authority) =>
      rawCase('CONNECT', c, `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`, {
        messages: [{ method: 'CONNECT', target: authority, actsFor: c.actsFor }],
        refuse: [400, 404, 405],
      }),
    ),
    kind(good, any.chain(badRequestLine), (c, garbage) => {
      const first = write(c, { headers: headerLines(c, { close: false }) });
      // Should the parser take the garbage for a request after all, it still closes the connection.
      const bytes = `${first}${garbage}\r\nConnection: close\r\n\r\n`;
      return rawCase('garbage pipelined after a valid request', c, bytes, {
        messages: [
          { method: c.method, target: c.target, actsFor: c.actsFor },
          { method: '?', target: '?', actsFor: [] },
        ],
        reference: write(c),
      });
    }),
    any.map((c) =>
      rawCase('two Host headers', c, write(c, { headers: [`Host: 127.0.0.1:${port}`, ...headerLines(c)] })),
    ),
  );
}
