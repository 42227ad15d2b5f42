import { createB2BProxyClient, createProxyClient } from '@connected-apps/core';
import { ConnectedAppsProvider } from '@connected-apps/react';
import { ConnectedAppsB2BProvider } from '@connected-apps/react/b2b';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { B2BApp, b2bPageOf } from './b2b/b2b-app.tsx';
import '@connected-apps/react/ui.css';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Same-origin: the dev server forwards /api to the proxy, and the session cookies ride along.
// `/b2b` and `/b2b/admin` are B2B mode (a member session); every other path is the consumer page.
const b2bPage = b2bPageOf(window.location.pathname);
createRoot(root).render(
  <StrictMode>
    {b2bPage ? (
      <ConnectedAppsB2BProvider client={createB2BProxyClient({ baseUrl: '/api' })}>
        <B2BApp page={b2bPage} />
      </ConnectedAppsB2BProvider>
    ) : (
      <ConnectedAppsProvider client={createProxyClient({ baseUrl: '/api' })}>
        <App />
      </ConnectedAppsProvider>
    )}
  </StrictMode>,
);
