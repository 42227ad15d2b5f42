import type { ClientType, StytchErrorBody } from '@connected-apps/core';
import { englishMessages } from '@connected-apps/react/ui';
import type { ReactNode } from 'react';
import { scopeWords } from '../scope-words.ts';

/** A scope in words: the demo's own, the component's OIDC words, or the scope itself. */
export function scopeInWords(scope: string): string {
  return scopeWords[scope] ?? englishMessages.scopes[scope] ?? scope;
}

/** An app's logo, or its initials when it has none; decorative, its name is right beside it. */
export function AppLogo({ name, logoUrl }: { name: string; logoUrl: string | null | undefined }) {
  if (logoUrl) return <img className="ca-logo" src={logoUrl} alt="" width={40} height={40} />;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  return (
    <span className="ca-logo ca-logo-initials" aria-hidden="true">
      {initials}
    </span>
  );
}

/** An app's name (a heading), its type and its description. */
export function AppHeading({
  id,
  app,
}: {
  id: string;
  app: { name: string; description: string; client_type: ClientType };
}) {
  const party = app.client_type.startsWith('first') ? 'first' : 'third';
  return (
    <>
      <div className="ca-row-heading">
        <h3 id={id} className="ca-name">
          {app.name}
        </h3>
        <span className="ca-badge" data-party={party}>
          {englishMessages.clientTypes[app.client_type] ?? app.client_type}
        </span>
      </div>
      {app.description && <p className="ca-description">{app.description}</p>}
    </>
  );
}

/** Scopes as chips, in words. */
export function ScopeChips({ scopes, label }: { scopes: string[]; label: string }) {
  if (scopes.length === 0) return <p className="ca-scopes-none">{englishMessages.noScopes}</p>;
  return (
    <ul className="ca-scopes" aria-label={label}>
      {scopes.map((scope) => (
        <li key={scope} className="ca-scope" data-scope={scope}>
          {scopeInWords(scope)}
        </li>
      ))}
    </ul>
  );
}

/** A failure said plainly, with the request id support asks for and the HTTP status; an alert. */
export function ErrorNotice({
  title,
  error,
  children,
}: {
  title: string;
  error: StytchErrorBody;
  children?: ReactNode;
}) {
  return (
    <div className="ca-notice" role="alert">
      <p className="ca-notice-title">{title}</p>
      <p className="ca-notice-text">{englishMessages.errorText(error)}</p>
      <p className="ca-notice-meta">
        {englishMessages.requestId} <code className="ca-request-id">{error.request_id}</code>
        {' · '}
        {englishMessages.errorCode(error)}
      </p>
      {children}
    </div>
  );
}

/** The revoke button of a row: "Revoking…" and `aria-disabled` (keeping focus) while pending. */
export function RevokeButton({
  what,
  isPending,
  failed,
  onRevoke,
}: {
  /** What is revoked, in the button's name: "Calendar Sync", "Calendar Sync for Morgan Member". */
  what: string;
  isPending: boolean;
  failed: boolean;
  onRevoke: () => void;
}) {
  // Each name starts with the visible words, so speech input finds the button by what it shows.
  const label = failed ? `Try again: revoke ${what}` : `Revoke ${what}`;
  return (
    <button
      type="button"
      className="ca-button ca-button-danger"
      aria-label={isPending ? undefined : label}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
      onClick={() => {
        if (!isPending) onRevoke();
      }}
    >
      {isPending ? 'Revoking…' : failed ? 'Try again' : 'Revoke'}
    </button>
  );
}
