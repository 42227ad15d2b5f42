import {
  bearer,
  chunkedBody,
  listeningServer,
  proxyListPath,
  proxyRevokePath,
} from '@connected-apps/testkit';
import { describeMountedProxy, itRefusesEachBody, JSON_CONTENT } from '@connected-apps/testkit/mounted-proxy';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { startExpressApp } from './start-express.ts';

const mounted = describeMountedProxy('Express', startExpressApp);

describe('the revoke body checks, with express.json() reading the body before the proxy', () => {
  const big = JSON.stringify({ padding: 'x'.repeat(2048) });

  itRefusesEachBody(mounted, [
    ['a non-empty object', JSON_CONTENT, { body: '{"connected_app_id":"another"}' }, 400, 'bad_request'],
    ['a JSON array', JSON_CONTENT, { body: '[]' }, 400, 'bad_request'],
    ['a body over 1 KiB, by Content-Length', JSON_CONTENT, { body: big }, 413, 'payload_too_large'],
    ['a body over 1 KiB, sent chunked', JSON_CONTENT, chunkedBody(big), 413, 'payload_too_large'],
    ['a non-empty object, sent chunked', JSON_CONTENT, chunkedBody('{"a":1}'), 400, 'bad_request'],
    // The parser leaves a body that is not JSON alone: the proxy refuses it by its type.
    ['a text/plain body', { 'content-type': 'text/plain' }, { body: '{}' }, 415, 'unsupported_media_type'],
  ]);

  it('revokes with {} sent chunked, read from what the parser left', async () => {
    const { stack, world } = mounted;
    const { alice, notes } = world;
    const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, notes)}`, {
      method: 'POST',
      headers: { ...bearer(alice.jwt), ...JSON_CONTENT },
      ...chunkedBody('{}'),
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await mounted.grantActive(alice.user_id, notes)).toBe(false);
  });
});

describe('the proxy mounted at the root of an Express app', () => {
  it("answers its own paths and hands every other one to the app's next routes", async () => {
    const { stack, world } = mounted;
    const app = express();
    app.use(stack.proxy.proxy.node);
    app.get('/about', (_req, res) => {
      res.send('about us');
    });
    const server = await listeningServer(app.listen(0, '127.0.0.1'));
    try {
      const about = await fetch(`${server.url}/about`);
      expect(await about.text()).toBe('about us');
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const list = await fetch(`${server.url}${proxyListPath(world.alice.user_id)}`, {
        headers: bearer(world.alice.jwt),
      });
      expect(list.status).toBe(200);
      // Express's own 404 (not the proxy's JSON) for a path neither serves.
      const missing = await fetch(`${server.url}/nowhere`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      await server.close();
    }
  });
});
