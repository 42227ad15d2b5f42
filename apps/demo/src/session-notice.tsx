/**
 * What a page shows in place of the apps until someone is signed in: "Checking your session…" while
 * `/dev/whoami` is asked (`signedIn` undefined), the way in when nobody is (`null`), nothing after.
 */
export function SessionNotice({
  signedIn,
  signInHref,
  signInLabel,
}: {
  signedIn: unknown;
  signInHref: string;
  signInLabel: string;
}) {
  if (signedIn === undefined) {
    return (
      <p className="notice" role="status">
        Checking your session…
      </p>
    );
  }
  if (signedIn !== null) return null;
  return (
    <div className="notice">
      <p>You are signed out.</p>
      <a className="sign-in" href={signInHref}>
        {signInLabel}
      </a>
    </div>
  );
}
