import type { MemberConnectedApp } from '@connected-apps/core';
import { useMemberConnectedApps, useRevokeMemberConnectedApp } from '@connected-apps/react/b2b';
import { useId, useRef, useState } from 'react';
import type { SignedInMember } from '../dev/session-cookies.ts';
import { AppHeading, AppLogo, ErrorNotice, RevokeButton, ScopeChips } from './parts.tsx';

/** The member's page: the apps they authorized, each with Revoke. */
export function MemberApps({ member }: { member: SignedInMember }) {
  const apps = useMemberConnectedApps(member);
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const onRevoked = (app: MemberConnectedApp) => {
    setAnnouncement(`${app.name} no longer has access to your account.`);
    // The row (and the button that had focus) is gone: the list's heading takes focus.
    title.current?.focus();
  };

  return (
    <section className="ca-manager b2b apps" aria-labelledby={titleId}>
      <div className="ca-header">
        <h2 id={titleId} ref={title} tabIndex={-1} className="ca-title">
          Your apps{apps.data && <span className="ca-count"> ({apps.data.length})</span>}
        </h2>
      </div>
      <p role="status" className={announcement ? 'ca-success' : 'ca-sr-only'}>
        {announcement}
      </p>
      {apps.status === 'pending' && <p className="b2b-loading">Loading your connected apps…</p>}
      {apps.status === 'error' && (
        <ErrorNotice title="Could not load your connected apps" error={apps.error}>
          <button type="button" className="ca-button" onClick={() => void apps.refetch()}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {apps.data?.length === 0 && (
        <div className="ca-empty">
          <p className="ca-empty-title">No connected apps</p>
          <p>Apps you authorize with your work account will show up here.</p>
        </div>
      )}
      {apps.data && apps.data.length > 0 && (
        <ul className="ca-list" aria-labelledby={titleId}>
          {apps.data.map((app) => (
            <MemberAppRow key={app.connected_app_id} app={app} member={member} onRevoked={onRevoked} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberAppRow({
  app,
  member,
  onRevoked,
}: {
  app: MemberConnectedApp;
  member: SignedInMember;
  onRevoked: (app: MemberConnectedApp) => void;
}) {
  const nameId = useId();
  // The hook's own onSuccess runs even though the row unmounts as the app leaves the list.
  const { revoke, isPending, error } = useRevokeMemberConnectedApp({ onSuccess: () => onRevoked(app) });
  return (
    <li className="ca-row" aria-labelledby={nameId} aria-busy={isPending}>
      <AppLogo name={app.name} logoUrl={app.logo_url} />
      <div className="ca-body">
        <AppHeading id={nameId} app={app} />
        <ScopeChips scopes={app.scopes_granted.split(' ').filter(Boolean)} label="Permissions" />
      </div>
      <div className="ca-row-actions">
        <RevokeButton
          what={app.name}
          isPending={isPending}
          failed={!!error}
          onRevoke={() => revoke({ ...member, connected_app_id: app.connected_app_id })}
        />
      </div>
      {error && <ErrorNotice title={`Could not revoke ${app.name}`} error={error} />}
    </li>
  );
}
