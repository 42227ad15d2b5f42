import { bearer, chunkedBody, proxyListPath } from '@connected-apps/testkit';
import { describeMountedProxy, itRefusesEachBody, JSON_CONTENT } from '@connected-apps/testkit/mounted-proxy';
import { describe, expect, it } from 'vitest';
import { startFastifyApp } from './start-fastify.ts';

const mounted = describeMountedProxy('Fastify', startFastifyApp);

describe('the proxy in its Fastify scope', () => {
  it('answers HEAD and a method the route does not take as the proxy does', async () => {
    const { stack, world } = mounted;
    const { alice } = world;
    const head = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, {
      method: 'HEAD',
      headers: bearer(alice.jwt),
    });
    expect(head.status).toBe(200);
    const put = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, {
      method: 'PUT',
      headers: bearer(alice.jwt),
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the revoke body checks, on the body Fastify left unread', () => {
  const big = JSON.stringify({ padding: 'x'.repeat(2048) });

  itRefusesEachBody(mounted, [
    ['a non-empty object', JSON_CONTENT, { body: '{"connected_app_id":"another"}' }, 400, 'bad_request'],
    ['a body that is not JSON', JSON_CONTENT, { body: 'not json' }, 400, 'bad_request'],
    ['a body over 1 KiB, by Content-Length', JSON_CONTENT, { body: big }, 413, 'payload_too_large'],
    ['a body over 1 KiB, sent chunked', JSON_CONTENT, chunkedBody(big), 413, 'payload_too_large'],
    ['a text/plain body', { 'content-type': 'text/plain' }, { body: '{}' }, 415, 'unsupported_media_type'],
    ['a body with no Content-Type', {}, chunkedBody('{}'), 415, 'unsupported_media_type'],
  ]);
});
