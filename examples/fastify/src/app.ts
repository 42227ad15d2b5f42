import type { NodeProxyApp } from '@connected-apps/proxy';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A Fastify app with routes of its own, and the proxy under `/api` (the proxy's `PROXY_BASE_PATH`):
 * in a scope of its own whose only content-type parser leaves the body unread, so the proxy reads
 * and checks it; Fastify hands over the raw request and response (`reply.hijack()`).
 *
 * @example
 * const app = await createApp(createProxyApp(loadConfig(process.env)));
 * await app.listen({ port: 3000 });
 */
export async function createApp(proxy: NodeProxyApp): Promise<FastifyInstance> {
  const app = Fastify();

  app.get('/', async () => ({ page: 'home' }));
  app.post('/notes', async (request, reply) => reply.code(201).send({ saved: request.body }));

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _body, done) => done(null));
    scope.all('/api/*', (request, reply) => {
      reply.hijack();
      proxy.node(request.raw, reply.raw);
    });
  });
  return app;
}
