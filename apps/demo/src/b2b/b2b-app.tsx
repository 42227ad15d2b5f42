import { SessionNotice } from '../session-notice.tsx';
import { useWhoAmI } from '../use-who-am-i.ts';
import { MemberApps } from './member-apps.tsx';
import { memberName, organizationName } from './member-directory.ts';
import { OrganizationApps } from './organization-apps.tsx';

/** Which page of B2B mode: the member's own apps, or the organization's (for admins). */
export type B2BPage = 'member' | 'admin';

/** B2B mode: who is signed in (a member of an organization), and the page they asked for. */
export function B2BApp({ page }: { page: B2BPage }) {
  const member = useWhoAmI('member');
  return (
    <main className="page">
      <header className="page-header">
        <h1>Connected apps</h1>
        <p className="lede">
          Apps that members of your organization allowed to access their work accounts. Revoking one removes
          its access and signs it out everywhere; it can ask again the next time it is used.
        </p>
        <nav className="b2b-nav" aria-label="Connected apps pages">
          <a href="/b2b" aria-current={page === 'member' ? 'page' : undefined}>
            Your apps
          </a>
          <a href="/b2b/admin" aria-current={page === 'admin' ? 'page' : undefined}>
            Your organization’s apps
          </a>
        </nav>
        {member && (
          <p className="signed-in">
            Signed in as {memberName(member.member_id)} of {organizationName(member.organization_id)} ·{' '}
            <a href="/dev/sign-out">Sign out</a>
          </p>
        )}
      </header>
      <SessionNotice
        signedIn={member}
        signInHref={`/dev/b2b/sign-in?page=${page}`}
        signInLabel="Sign in as a member of the demo organization"
      />
      {member && page === 'member' && <MemberApps member={member} />}
      {member && page === 'admin' && <OrganizationApps member={member} />}
    </main>
  );
}

/** The B2B page a path names, or undefined for the consumer page. */
export function b2bPageOf(pathname: string): B2BPage | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/b2b') return 'member';
  if (path === '/b2b/admin') return 'admin';
  return undefined;
}
