import { ConnectedApps } from './connected-apps.tsx';
import { signedInUserId } from './signed-in-user.ts';

export default async function Page() {
  const userId = await signedInUserId();
  return (
    <main>
      <h1>Connected apps</h1>
      {userId === undefined ? <p>You are signed out.</p> : <ConnectedApps userId={userId} />}
    </main>
  );
}
