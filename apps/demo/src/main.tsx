import { createProxyClient } from '@connected-apps/core';
import { ConnectedAppsProvider } from '@connected-apps/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import '@connected-apps/react/ui.css';
import './styles.css';

// Same-origin: the dev server forwards /api to the proxy, and the session cookies ride along.
const client = createProxyClient({ baseUrl: '/api' });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConnectedAppsProvider client={client}>
      <App />
    </ConnectedAppsProvider>
  </StrictMode>,
);
