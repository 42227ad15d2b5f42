import type { OrganizationConnectedApp, OrganizationConnectedAppActiveMember } from '@connected-apps/core';
import {
  useOrganizationConnectedApp,
  useOrganizationConnectedApps,
  useRevokeMemberConnectedApp,
} from '@connected-apps/react/b2b';
import { useId } from 'react';
import type { SignedInMember } from '../dev/session-cookies.ts';
import { AppsSection, useRevokeAnnouncer } from './apps-section.tsx';
import { memberName } from './member-directory.ts';
import { AppHeading, AppLogo, ErrorNotice, RevokeButton, ScopeChips } from './parts.tsx';

/**
 * The admin's page: every app a member of the organization installed, who granted it and with which
 * scopes, and Revoke per member. The proxy decides who may see it (403 for a member without the role).
 */
export function OrganizationApps({ member }: { member: SignedInMember }) {
  const { organization_id } = member;
  const apps = useOrganizationConnectedApps({ organization_id });
  const announcer = useRevokeAnnouncer();
  return (
    <AppsSection
      heading="Your organization’s apps"
      apps={apps}
      announcer={announcer}
      what="your organization’s connected apps"
      empty="No member of your organization has authorized an app."
      refusal={
        apps.status === 'error' && apps.error.status_code === 403 ? (
          <ErrorNotice
            title="Only your organization’s admins can see and revoke its members’ apps"
            error={apps.error}
          />
        ) : undefined
      }
      row={(app) => (
        <OrganizationAppRow
          key={app.connected_app_id}
          organization_id={organization_id}
          app={app}
          onRevoked={announcer.announce}
        />
      )}
    />
  );
}

function OrganizationAppRow({
  organization_id,
  app,
  onRevoked,
}: {
  organization_id: string;
  app: OrganizationConnectedApp;
  onRevoked: (sentence: string) => void;
}) {
  const nameId = useId();
  const view = useOrganizationConnectedApp({ organization_id, connected_app_id: app.connected_app_id });
  const members = view.data?.active_members;
  return (
    <li className="ca-row" aria-labelledby={nameId}>
      <AppLogo name={app.name} logoUrl={app.logo_url} />
      <div className="ca-body">
        <AppHeading id={nameId} app={app} />
        {view.status === 'pending' && <p className="b2b-loading">Loading who granted it…</p>}
        {view.status === 'error' && (
          <ErrorNotice title={`Could not load who granted ${app.name}`} error={view.error} />
        )}
        {members && (
          <>
            <p className="b2b-granted">
              Granted by {members.length} {members.length === 1 ? 'member' : 'members'}
            </p>
            <ul className="b2b-members" aria-label={`Members who granted ${app.name}`}>
              {members.map((grant) => (
                <GrantRow
                  key={grant.member_id}
                  organization_id={organization_id}
                  app={app}
                  grant={grant}
                  onRevoked={onRevoked}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </li>
  );
}

function GrantRow({
  organization_id,
  app,
  grant,
  onRevoked,
}: {
  organization_id: string;
  app: OrganizationConnectedApp;
  grant: OrganizationConnectedAppActiveMember;
  onRevoked: (sentence: string) => void;
}) {
  const nameId = useId();
  const name = memberName(grant.member_id);
  const { revoke, isPending, error } = useRevokeMemberConnectedApp({
    onSuccess: () => onRevoked(`${app.name} no longer has access to ${name}’s account.`),
  });
  return (
    <li className="b2b-member" aria-labelledby={nameId} aria-busy={isPending}>
      <div>
        <p id={nameId} className="b2b-member-name">
          {name}
        </p>
        <ScopeChips scopes={grant.granted_scopes} label={`Permissions ${name} granted`} />
      </div>
      <RevokeButton
        what={`${app.name} for ${name}`}
        isPending={isPending}
        failed={!!error}
        onRevoke={() =>
          revoke({ organization_id, member_id: grant.member_id, connected_app_id: app.connected_app_id })
        }
      />
      {error && <ErrorNotice title={`Could not revoke ${app.name} for ${name}`} error={error} />}
    </li>
  );
}
