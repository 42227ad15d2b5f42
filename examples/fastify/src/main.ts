import { createProxyApp, loadConfig } from '@connected-apps/proxy';
import { createApp } from './app.ts';

// The proxy reads the same variables as when it runs on its own (STYTCH_PROJECT_ID, STYTCH_SECRET, …).
const proxy = createProxyApp(loadConfig(process.env));
const app = await createApp(proxy);
app.addHook('onClose', () => proxy.close());
await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });

process.once('SIGTERM', () => void app.close());
