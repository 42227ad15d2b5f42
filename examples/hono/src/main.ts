import { createProxyApp, loadConfig } from '@connected-apps/proxy';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';

// The proxy reads the same variables as when it runs on its own (STYTCH_PROJECT_ID, STYTCH_SECRET, …).
const proxy = createProxyApp(loadConfig(process.env));
const server = serve({
  fetch: createApp(proxy).fetch,
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? '127.0.0.1',
});

process.once('SIGTERM', () => {
  server.close(() => void proxy.close());
});
