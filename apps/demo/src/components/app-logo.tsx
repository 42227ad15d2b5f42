import { type CSSProperties, useState } from 'react';

/** An app's logo, or its initials on a colour derived from its name when there is none (or it fails to load). */
export function AppLogo({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  const [failed, setFailed] = useState(false);
  if (logoUrl && !failed) {
    return (
      <img className="logo" src={logoUrl} alt="" width={44} height={44} onError={() => setFailed(true)} />
    );
  }
  return (
    <span
      className="logo logo-initials"
      aria-hidden="true"
      style={{ '--logo-hue': hueOf(name) } as CSSProperties}
    >
      {initialsOf(name)}
    </span>
  );
}

/** `"Calendar Sync"` → `"CS"`, `"notion"` → `"N"`. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join('') || '?'
  );
}

// A stable hue per name, so an app keeps its colour across reloads.
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
