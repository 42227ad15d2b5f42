/** `"Calendar Sync"` → `"CS"`, `"notion"` → `"N"`, `""` → `"?"`; whole characters, so an emoji stays one. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((word) => Array.from(word)[0]!.toUpperCase())
      .join('') || '?'
  );
}

/** A stable hue (0–359) per name, so an app keeps its colour across reloads and renders. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
