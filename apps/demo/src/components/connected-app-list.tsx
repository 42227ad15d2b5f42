import type { ConnectedApp } from '@connected-apps/core';
import { useConnectedApps } from '@connected-apps/react';
import { useCallback, useRef, useState } from 'react';
import { ConnectedAppRow } from './connected-app-row.tsx';
import { ErrorMessage } from './error-message.tsx';

/** The signed-in user's connected apps, with loading, error and empty states. */
export function ConnectedAppList({ userId }: { userId: string }) {
  const apps = useConnectedApps(userId);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const onRevoked = useCallback((app: ConnectedApp) => {
    setAnnouncement(`${app.name} no longer has access to your account.`);
    // The focused row is about to disappear: keep keyboard focus on something that stays.
    heading.current?.focus();
  }, []);

  return (
    <section className="apps" aria-labelledby="apps-heading">
      <div className="apps-heading">
        <h2 id="apps-heading" ref={heading} tabIndex={-1}>
          Your apps
          {apps.data && <span className="count"> ({apps.data.length})</span>}
        </h2>
        {apps.isFetching && apps.data && <span className="refreshing">Refreshing…</span>}
      </div>
      <p className="announcement" role="status" aria-live="polite">
        {announcement}
      </p>
      {apps.status === 'pending' && (
        <p className="notice" role="status">
          Loading your connected apps…
        </p>
      )}
      {apps.status === 'error' && (
        <ErrorMessage title="Could not load your connected apps" error={apps.error}>
          <button
            type="button"
            className="button"
            onClick={() => void apps.refetch()}
            disabled={apps.isFetching}
          >
            {apps.isFetching ? 'Retrying…' : 'Try again'}
          </button>
        </ErrorMessage>
      )}
      {apps.data?.length === 0 && (
        <div className="empty">
          <p className="empty-title">No connected apps</p>
          <p>When you let another app use your account, it shows up here so you can revoke it.</p>
        </div>
      )}
      {apps.data && apps.data.length > 0 && (
        <ul className="app-list" aria-label="Connected apps">
          {apps.data.map((app) => (
            <ConnectedAppRow key={app.connected_app_id} userId={userId} app={app} onRevoked={onRevoked} />
          ))}
        </ul>
      )}
    </section>
  );
}
