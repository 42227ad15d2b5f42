/** A part's own scoped class (`ca-` prefix, so nothing collides with the page's), plus the caller's. */
export function partClass(part: string, extra?: string): string {
  return extra ? `ca-${part} ${extra}` : `ca-${part}`;
}
