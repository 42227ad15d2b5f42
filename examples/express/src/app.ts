import type { NodeProxyApp } from '@connected-apps/proxy';
import express, { type Express } from 'express';

/**
 * An Express app with routes and a JSON body parser of its own, and the proxy mounted under `/api`
 * (the proxy's `PROXY_BASE_PATH`). The parser runs first, for every route: the proxy then checks
 * the body it left on `req.body`.
 *
 * @example
 * createApp(createProxyApp(loadConfig(process.env))).listen(3000);
 */
export function createApp(proxy: NodeProxyApp): Express {
  const app = express();
  app.use(express.json());

  app.get('/', (_req, res) => {
    res.json({ page: 'home' });
  });
  app.post('/notes', (req, res) => {
    res.status(201).json({ saved: req.body });
  });

  app.use('/api', proxy.node);
  return app;
}
