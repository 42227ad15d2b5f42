/** The scopes an app was granted (Stytch reports them as one space-separated string). */
export function ScopeChips({ scopes }: { scopes: string }) {
  const list = scopes.split(' ').filter(Boolean);
  if (list.length === 0) return <p className="scopes-none">No scopes granted</p>;
  return (
    <ul className="scopes" aria-label="Scopes granted">
      {list.map((scope) => (
        <li key={scope} className="chip">
          {scope}
        </li>
      ))}
    </ul>
  );
}
