import { createProxyApp, loadConfig } from '@connected-apps/proxy';
import { createApp } from './app.ts';

// The proxy reads the same variables as when it runs on its own (STYTCH_PROJECT_ID, STYTCH_SECRET, …).
const proxy = createProxyApp(loadConfig(process.env));
const port = Number(process.env.PORT ?? 3000);
const server = createApp(proxy).listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`listening on port ${port}`);
});

process.once('SIGTERM', () => {
  server.close(() => void proxy.close());
});
