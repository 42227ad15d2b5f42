import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../src/index.ts';
import { APP_ID, rejectionOf, stytchClient, USER_ID } from './helpers/clients.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, startTestServer, stytchOk, type TestServer } from './helpers/test-server.ts';

type Outcome = 'encoded' | 'rejected';

/** Ids that try to escape their path segment, and what must happen to each. */
const HOSTILE_IDS: Array<[label: string, id: string, outcome: Outcome]> = [
  ['parent directory', '..', 'rejected'],
  ['current directory', '.', 'rejected'],
  ['parent directory with slash', '../', 'rejected'],
  ['double traversal', '../../x', 'rejected'],
  ['encoded traversal', '%2e%2e', 'rejected'],
  ['upper-case encoded traversal with slash', '%2E%2E%2Fadmin', 'rejected'],
  ['slash', 'a/b', 'rejected'],
  ['query and fragment', 'a/b?c#d', 'rejected'],
  ['question mark', '?', 'rejected'],
  ['hash', '#', 'rejected'],
  ['backslash traversal', '..\\..\\x', 'rejected'],
  ['percent', '100%', 'rejected'],
  ['dots inside an id', 'a..b', 'encoded'],
  ['external id alphabet', 'ada.lovelace_01|x-y', 'encoded'],
  ['semicolon and at', 'a;b@c', 'encoded'],
  ['space', 'a b', 'encoded'],
  ['only spaces', '   ', 'encoded'],
  ['unicode', 'ユーザー-ü', 'encoded'],
  ['emoji', 'user-😀', 'encoded'],
  ['lone surrogate', 'a\ud800b', 'rejected'],
  ['10,000 characters', 'x'.repeat(10_000), 'rejected'],
  ['129 characters', 'x'.repeat(129), 'rejected'],
  ['128 characters', 'x'.repeat(128), 'encoded'],
  ['empty', '', 'rejected'],
  ['NUL', 'a\u0000b', 'rejected'],
  ['newline (header injection)', 'a\r\nX-Injected: 1', 'rejected'],
  ['tab', 'a\tb', 'rejected'],
  ['DEL', 'a\u007fb', 'rejected'],
  ['C1 control', 'a\u0085b', 'rejected'],
];

describeEachTransport('hostile path parameters', (t) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, stytchOk()));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  describe.each(['user_id', 'connected_app_id'] as const)('as %s', (field) => {
    it.each(HOSTILE_IDS)('%s never changes the path (%#)', async (_label, id, outcome) => {
      const params = { user_id: USER_ID, connected_app_id: APP_ID, [field]: id };
      const pending = stytchClient(server.url, t.transport).users.revoke(params);
      if (outcome === 'rejected') {
        const error = await rejectionOf(pending);
        expect(error).toBeInstanceOf(InvalidRequestError);
        expect((error as InvalidRequestError).error_details).toEqual({ field });
        expect(server.requests).toHaveLength(0);
        return;
      }
      await pending;
      expect(server.requests).toHaveLength(1);
      const seenPath = server.requests[0]?.path ?? '';
      const segments = seenPath.split('/');
      expect(segments).toHaveLength(7);
      expect(segments.slice(0, 3)).toEqual(['', 'v1', 'users']);
      expect(segments[4]).toBe('connected_apps');
      expect(segments[6]).toBe('revoke');
      expect(seenPath).not.toMatch(/[?#\s]/);
      expect(decodeURIComponent(segments[field === 'user_id' ? 3 : 5] ?? '')).toBe(id);
      expect(seenPath).toBe(
        `/v1/users/${encodeURIComponent(params.user_id)}/connected_apps/${encodeURIComponent(params.connected_app_id)}/revoke`,
      );
    });
  });

  it('rejects a non-string id before any I/O', async () => {
    const client = stytchClient(server.url, t.transport);
    const error = await rejectionOf(client.users.connectedApps({ user_id: 42 as unknown as string }));
    expect(error).toMatchObject({ name: 'InvalidRequestError', error_message: 'user_id must be a string.' });
    expect(server.requests).toHaveLength(0);
  });
});
