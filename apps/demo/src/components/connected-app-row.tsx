import type { ConnectedApp } from '@connected-apps/core';
import { useRevokeConnectedApp } from '@connected-apps/react';
import { useEffect, useId, useRef, useState } from 'react';
import { AppLogo } from './app-logo.tsx';
import { ClientTypeBadge } from './client-type-badge.tsx';
import { ErrorMessage } from './error-message.tsx';
import { ScopeChips } from './scope-chips.tsx';

interface ConnectedAppRowProps {
  userId: string;
  app: ConnectedApp;
  /** Called once the revoke succeeded (the row is about to leave the list). */
  onRevoked: (app: ConnectedApp) => void;
}

/** One app: who it is, what it may do, and a Revoke button behind an inline confirmation. */
export function ConnectedAppRow({ userId, app, onRevoked }: ConnectedAppRowProps) {
  const { revoke, isPending, error, reset } = useRevokeConnectedApp({ onSuccess: () => onRevoked(app) });
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const revokeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  // Moving focus into the confirmation keeps keyboard users where the decision is.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => revokeButton.current?.focus());
  };
  const confirm = () => {
    revoke(
      { user_id: userId, connected_app_id: app.connected_app_id },
      { onError: () => setConfirming(false) },
    );
  };

  return (
    <li className="app" aria-labelledby={titleId} aria-busy={isPending}>
      <AppLogo name={app.name} logoUrl={app.logo_url} />
      <div className="app-body">
        <div className="app-heading">
          <h3 id={titleId} className="app-name">
            {app.name}
          </h3>
          <ClientTypeBadge clientType={app.client_type} />
        </div>
        {app.description && <p className="app-description">{app.description}</p>}
        <ScopeChips scopes={app.scopes_granted} />
        {error && !confirming && <ErrorMessage title={`Could not revoke ${app.name}`} error={error} />}
      </div>
      <div className="app-actions">
        {confirming || isPending ? (
          <fieldset
            className="confirm"
            aria-label={`Confirm revoking ${app.name}`}
            // Escape anywhere in the confirmation backs out of it.
            onKeyDown={(event) => {
              if (event.key === 'Escape' && !isPending) cancel();
            }}
          >
            <legend className="confirm-text">Remove its access? It will be signed out right away.</legend>
            <div className="confirm-buttons">
              <button type="button" className="button button-danger" onClick={confirm} disabled={isPending}>
                {isPending ? 'Revoking…' : 'Revoke access'}
              </button>
              <button
                type="button"
                className="button"
                onClick={cancel}
                disabled={isPending}
                ref={cancelButton}
              >
                Cancel
              </button>
            </div>
          </fieldset>
        ) : (
          <button
            type="button"
            className="button button-outline-danger"
            ref={revokeButton}
            onClick={() => {
              reset();
              setConfirming(true);
            }}
            aria-label={`Revoke ${app.name}`}
          >
            Revoke
          </button>
        )}
      </div>
    </li>
  );
}
