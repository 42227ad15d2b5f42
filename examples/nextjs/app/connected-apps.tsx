'use client';

import { type ConnectedApp, createProxyClient } from '@connected-apps/core';
import { ConnectedAppsProvider, useConnectedApps, useRevokeConnectedApp } from '@connected-apps/react';

// Same origin: app/api/[[...route]]/route.ts serves the proxy, and the session cookie rides along.
const client = createProxyClient({ baseUrl: '/api' });

/** The signed-in user's connected apps, each with a Revoke button, on the proxy mounted at /api. */
export function ConnectedApps({ userId }: { userId: string }) {
  return (
    <ConnectedAppsProvider client={client}>
      <AppList userId={userId} />
    </ConnectedAppsProvider>
  );
}

function AppList({ userId }: { userId: string }) {
  const apps = useConnectedApps(userId);
  if (apps.status === 'pending') return <p>Loading…</p>;
  if (apps.status === 'error')
    return (
      <p role="alert">
        {apps.error.error_message} (request {apps.error.request_id})
      </p>
    );
  if (apps.data.length === 0) return <p>No connected apps.</p>;
  return (
    <ul aria-label="Your apps">
      {apps.data.map((app) => (
        <AppRow key={app.connected_app_id} userId={userId} app={app} />
      ))}
    </ul>
  );
}

function AppRow({ userId, app }: { userId: string; app: ConnectedApp }) {
  const { revoke, isPending, error } = useRevokeConnectedApp();
  return (
    <li aria-label={app.name}>
      {app.name}
      <button
        type="button"
        disabled={isPending}
        onClick={() => revoke({ user_id: userId, connected_app_id: app.connected_app_id })}
      >
        {isPending ? 'Revoking…' : `Revoke ${app.name}`}
      </button>
      {error && (
        <p role="alert">
          {error.error_message} (request {error.request_id})
        </p>
      )}
    </li>
  );
}
