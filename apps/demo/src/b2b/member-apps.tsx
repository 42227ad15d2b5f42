import type { MemberConnectedApp } from '@connected-apps/core';
import { useMemberConnectedApps, useRevokeMemberConnectedApp } from '@connected-apps/react/b2b';
import { useId } from 'react';
import type { SignedInMember } from '../dev/session-cookies.ts';
import { AppsSection, useRevokeAnnouncer } from './apps-section.tsx';
import { AppHeading, AppLogo, ErrorNotice, RevokeButton, ScopeChips } from './parts.tsx';

/** The member's page: the apps they authorized, each with Revoke. */
export function MemberApps({ member }: { member: SignedInMember }) {
  const apps = useMemberConnectedApps(member);
  const announcer = useRevokeAnnouncer();
  const onRevoked = (app: MemberConnectedApp) =>
    announcer.announce(`${app.name} no longer has access to your account.`);
  return (
    <AppsSection
      heading="Your apps"
      apps={apps}
      announcer={announcer}
      what="your connected apps"
      empty="Apps you authorize with your work account will show up here."
      row={(app) => (
        <MemberAppRow key={app.connected_app_id} app={app} member={member} onRevoked={onRevoked} />
      )}
    />
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
