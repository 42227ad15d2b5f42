/** One Stytch endpoint: its method and path template (`{name}` marks a path parameter). */
export interface StytchRoute {
  readonly method: 'GET' | 'POST';
  readonly template: string;
}

/** A route constant; `@__PURE__` at each call lets a bundle drop the routes it never sends. */
export function route<M extends StytchRoute['method'], T extends string>(
  method: M,
  template: T,
): { readonly method: M; readonly template: T } {
  return { method, template };
}
