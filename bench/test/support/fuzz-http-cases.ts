import { basicAuthorization } from '@connected-apps/core/wire';
import {
  ALLOWED_ORIGIN,
  bearer,
  PROXY_BASE_PATH,
  proxyListPath,
  proxyRevokePath,
  sessionJwtCookie,
  sessionTokenCookie,
  withTamperedSignature,
} from '@connected-apps/testkit';
import fc from 'fast-check';
import type { ActsFor } from './raw-messages.ts';
import type { ReliabilityStack } from './reliability-stack.ts';

/** One generated request plus whom its credentials (if valid) let it act for. */
export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body, or `{ padBytes }` for a large JSON body built at send time (kept short in reports). */
  body?: string | { padBytes: number };
  /** Users a valid credential in this request belongs to (or anyone, for an admin's): the only ones Stytch may be asked about. */
  actsFor: ActsFor;
  /** Credential strings sent, which must never come back. */
  sentSecrets: string[];
}

interface Credential {
  header: 'authorization' | 'cookie';
  value: string;
  actsFor?: ActsFor;
  secret?: string;
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** Strings shaped like a JWT (three base64url parts), some with plausible headers and claims. */
function jwtShaped(stack: ReliabilityStack): fc.Arbitrary<string> {
  const { alice, bob, admin } = stack.world;
  const part = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
    maxLength: 60,
  });
  const header = fc.constantFrom(
    b64url('{"alg":"RS256","typ":"JWT","kid":"nope"}'),
    b64url('{"alg":"none","typ":"JWT"}'),
    b64url('{"alg":"HS256","typ":"JWT"}'),
    alice.jwt.split('.')[0]!,
  );
  const claims = fc
    .record({ sub: fc.constantFrom(alice.user_id, bob.user_id, 'user-test-x'), exp: fc.integer() })
    .map((c) => b64url(JSON.stringify({ ...c, iss: `stytch.com/${stack.emulator.projectId}` })));
  return fc.oneof(
    fc.tuple(part, part, part).map((p) => p.join('.')),
    fc.tuple(header, claims, part).map((p) => p.join('.')),
    fc.constantFrom(alice.jwt, bob.jwt, admin.jwt).map(withTamperedSignature),
    // A real header and signature around another user's claims.
    fc.constant([alice.jwt.split('.')[0], bob.jwt.split('.')[1], alice.jwt.split('.')[2]].join('.')),
  );
}

/** Every credential of a signed-in user: session JWT (Bearer and cookie), expired JWT, opaque token. */
function userCredentials(user_id: string, jwt: string, token: string, expired: string): Credential[] {
  const actsFor = [user_id];
  return [
    { header: 'authorization', value: bearer(jwt).authorization, actsFor, secret: jwt },
    { header: 'authorization', value: bearer(expired).authorization, actsFor, secret: expired },
    { header: 'cookie', value: sessionJwtCookie(jwt).cookie, actsFor, secret: jwt },
    { header: 'cookie', value: sessionTokenCookie(token).cookie, actsFor, secret: token },
  ];
}

// Printable ASCII without CR/LF: what node:http lets a client put in a header value.
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

function credential(stack: ReliabilityStack): fc.Arbitrary<Credential | undefined> {
  const { alice, bob, admin } = stack.world;
  const signedIn = [
    ...userCredentials(alice.user_id, alice.jwt, alice.token, stack.expired.alice),
    ...userCredentials(bob.user_id, bob.jwt, bob.token, stack.expired.bob),
    { header: 'authorization', value: bearer(admin.jwt).authorization, actsFor: 'anyone', secret: admin.jwt },
  ] satisfies Credential[];
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.constantFrom<Credential>(...signedIn) },
    {
      weight: 2,
      arbitrary: jwtShaped(stack).map(
        (jwt): Credential => ({ header: 'authorization', ...bearerValue(jwt) }),
      ),
    },
    {
      weight: 1,
      arbitrary: jwtShaped(stack).map(
        (jwt): Credential => ({ header: 'cookie', value: sessionJwtCookie(jwt).cookie, secret: jwt }),
      ),
    },
    // The project's own Basic credentials sent to the proxy must neither work nor come back.
    {
      weight: 1,
      arbitrary: fc.constant<Credential>({
        header: 'authorization',
        value: basicAuthorization(stack.emulator.projectId, stack.emulator.secret),
        secret: stack.emulator.secret,
      }),
    },
    { weight: 1, arbitrary: headerText.map((value): Credential => ({ header: 'authorization', value })) },
    { weight: 1, arbitrary: headerText.map((value): Credential => ({ header: 'cookie', value })) },
  );
}

const bearerValue = (jwt: string) => ({ value: bearer(jwt).authorization, secret: jwt });

/** A path segment: a real id (most often), traversal and escaping tricks, arbitrary text. */
function segment(stack: ReliabilityStack, realIds: string[]): fc.Arbitrary<string> {
  // Raw characters node:http lets a client put in a path. Bytes the HTTP parser itself rejects (e.g. raw
  // non-ASCII) never reach the proxy's code: Node answers them with a bare 400 before any handler runs.
  const rawSafe = fc.string({
    unit: fc.constantFrom(..."abcXYZ019-_.~%!$&'()*+,;=:@".split('')),
    maxLength: 30,
  });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...realIds) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        stack.world.alice.user_id,
        stack.world.bob.user_id,
        stack.world.admin.user_id,
        stack.world.alice.external_id,
        stack.world.calendar,
        stack.world.notes,
        'user-test-00000000-0000-4000-8000-000000000000',
        '',
        '.',
        '..',
        '%2e%2e',
        '%2E%2E',
        '%2F',
        '..%2F..%2Fsessions',
        'a%2Fb%3Fc%23d',
        '%00',
        '%ZZ',
        '%',
        encodeURIComponent(`${stack.world.bob.user_id}/connected_apps`),
        `user-test-${'x'.repeat(600)}`,
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: rawSafe },
  );
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

/** A path and a method: mostly the two real routes with their own method, sometimes anything. */
function route(stack: ReliabilityStack): fc.Arbitrary<{ method: string; path: string }> {
  const { alice, bob, calendar, notes } = stack.world;
  const user = segment(stack, [alice.user_id, bob.user_id]);
  const app = segment(stack, [calendar, notes]);
  const api = PROXY_BASE_PATH;
  const anyMethod = fc.constantFrom(...METHODS);
  const usually = (method: string) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: anyMethod });
  const query = fc.oneof(
    { weight: 5, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: user.map((s) => `?user_id=${s}`) },
  );
  const shapes = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        method: usually('POST'),
        path: fc.tuple(user, app).map(([u, a]) => `${api}/v1/users/${u}/connected_apps/${a}/revoke`),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        method: usually('GET'),
        path: user.map((u) => `${api}/v1/users/${u}/connected_apps`),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        method: anyMethod,
        path: fc.oneof(
          fc.tuple(user, app).map(([u, a]) => `${api}/v1/users/${u}/connected_apps/${a}`),
          fc.tuple(user, app).map(([u, x]) => `${api}/v1/users/${u}/${x}/connected_apps`),
          fc.tuple(user, app).map(([u, a]) => `${api}//v1/users/${u}/connected_apps/${a}/revoke/`),
          fc.array(app, { maxLength: 6 }).map((parts) => `${api}/${parts.join('/')}`),
          fc.array(app, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
        ),
      }),
    },
  );
  return (
    fc
      .tuple(shapes, query)
      .map(([r, q]) => ({ method: r.method, path: r.path + q }))
      // Health probes answer their own shape; they are not part of the Stytch-shaped surface.
      .filter((r) => !/^\/(healthz|readyz)(\?|$)/.test(r.path))
  );
}

/** The bytes to send for a case's body. */
export function bodyText(body: HttpCase['body']): string | undefined {
  return typeof body === 'object' ? `{"pad":"${'x'.repeat(body.padBytes)}"}` : body;
}

function body(): fc.Arbitrary<HttpCase['body']> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant('{}'),
    fc.constant('{}'),
    fc.constant('{'),
    fc.constant('null'),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom({ padBytes: 20_000 }, { padBytes: 200_000 }),
  );
}

/** Mostly the well-formed value, sometimes any value: keeps a case close to the forwarding path. */
function mostly<T>(wellFormed: fc.Arbitrary<T>, any: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 6, arbitrary: wellFormed }, { weight: 1, arbitrary: any });
}

/**
 * Random requests against the proxy: methods, paths (with hostile path parameters), session
 * credentials (valid, expired, tampered, JWT-shaped, garbage, an admin's), origins, content types and
 * bodies. Half the cases are wild in every part; the other half are well-formed calls of a signed-in
 * user with a few parts mutated, so a good share reaches Stytch and the upstream properties are tested.
 *
 * @example
 * const cases = fc.sample(fuzzHttpCase(stack), 100);
 */
export function fuzzHttpCase(stack: ReliabilityStack): fc.Arbitrary<HttpCase> {
  const { alice, bob, calendar, notes } = stack.world;
  const anyOrigin = fc.constantFrom(
    undefined,
    ALLOWED_ORIGIN,
    'https://evil.example',
    'null',
    'http://app.test.evil.example',
  );
  const anyContentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
  );
  const anyCredentials = fc.array(credential(stack), { maxLength: 2 });
  const oneUserCredential = fc
    .constantFrom(
      ...userCredentials(alice.user_id, alice.jwt, alice.token, stack.expired.alice),
      ...userCredentials(bob.user_id, bob.jwt, bob.token, stack.expired.bob),
    )
    .map((c): (Credential | undefined)[] => [c]);
  const wellFormedRoute = fc.oneof(
    fc
      .tuple(fc.constantFrom(alice.user_id, bob.user_id), fc.constantFrom(calendar, notes))
      .map(([user_id, app]) => ({ method: 'POST', path: proxyRevokePath(user_id, app) })),
    fc
      .constantFrom(alice.user_id, bob.user_id)
      .map((user_id) => ({ method: 'GET', path: proxyListPath(user_id) })),
  );
  const dimensions = (tame: boolean) => {
    const pick = <T>(wellFormed: fc.Arbitrary<T>, any: fc.Arbitrary<T>) =>
      tame ? mostly(wellFormed, any) : any;
    return fc.record({
      route: pick(wellFormedRoute, route(stack)),
      credentials: pick(oneUserCredential, anyCredentials),
      origin: pick(fc.constant(ALLOWED_ORIGIN), anyOrigin),
      fetchSite: pick(
        fc.constant(undefined),
        fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), { nil: undefined }),
      ),
      contentType: pick(fc.constant('application/json'), anyContentType),
      preflight: fc.option(fc.constantFrom('POST', 'GET', 'DELETE'), { nil: undefined }),
      forwardedFor: fc.option(fc.constantFrom('203.0.113.9', '::1', 'garbage', '1.1.1.1, 2.2.2.2'), {
        nil: undefined,
      }),
      extra: fc.option(
        fc.tuple(fc.constantFrom('x-request-id', 'x-custom', 'accept', 'x-http-method-override'), headerText),
        {
          nil: undefined,
        },
      ),
      body: pick(fc.constant<HttpCase['body']>('{}'), body()),
    });
  };
  return fc.oneof(dimensions(false), dimensions(true)).map((r): HttpCase => {
    const { method, path } = r.route;
    const headers: Record<string, string> = {};
    const chosen = r.credentials.filter((c): c is Credential => c !== undefined);
    // One Authorization header (the last one chosen), every cookie joined into one Cookie header.
    const sent = [
      ...chosen.filter((c) => c.header === 'authorization').slice(-1),
      ...chosen.filter((c) => c.header === 'cookie'),
    ];
    for (const c of sent) {
      headers[c.header] = c.header === 'cookie' && headers.cookie ? `${headers.cookie}; ${c.value}` : c.value;
    }
    const actsFor: ActsFor = sent.some((c) => c.actsFor === 'anyone')
      ? 'anyone'
      : sent.flatMap((c) => (Array.isArray(c.actsFor) ? c.actsFor : []));
    const sentSecrets = sent.flatMap((c) => (c.secret ? [c.secret] : []));
    if (r.origin) headers.origin = r.origin;
    if (r.fetchSite) headers['sec-fetch-site'] = r.fetchSite;
    if (r.contentType) headers['content-type'] = r.contentType;
    if (r.preflight && method === 'OPTIONS') headers['access-control-request-method'] = r.preflight;
    if (r.forwardedFor) headers['x-forwarded-for'] = r.forwardedFor;
    if (r.extra) headers[r.extra[0]] = r.extra[1];
    const sendsBody = r.body !== undefined && method !== 'GET' && method !== 'HEAD';
    return {
      method,
      path,
      headers,
      ...(sendsBody ? { body: r.body } : {}),
      actsFor,
      sentSecrets,
    };
  });
}
