import { ConnectedAppsManager } from '@connected-apps/react/ui';
import { scopeWords } from './scope-words.ts';
import { SessionNotice } from './session-notice.tsx';
import { useWhoAmI } from './use-who-am-i.ts';

/** The page: who is signed in, and their connected apps. */
export function App() {
  const userId = useWhoAmI('user_id');
  return (
    <main className="page">
      <header className="page-header">
        <h1>Connected apps</h1>
        <p className="lede">
          Apps you have allowed to access your account. Revoking one removes its access and signs it out
          everywhere; it can ask again the next time you use it.
        </p>
        {userId && (
          <p className="signed-in">
            Signed in as <code>{userId}</code> · <a href="/dev/sign-out">Sign out</a>
          </p>
        )}
      </header>
      <SessionNotice signedIn={userId} signInHref="/dev/sign-in" signInLabel="Sign in as the demo user" />
      {userId && (
        <ConnectedAppsManager
          user_id={userId}
          className="apps"
          messages={{ title: 'Your apps' }}
          describeScope={(scope) => scopeWords[scope]}
        />
      )}
    </main>
  );
}
