import type { StytchRoute } from '../wire/routes.ts';

/** One API operation: its route, its JSON body, and how to recognize its success body. */
export interface Operation<T> extends StytchRoute {
  /** Path parameters (each `{name}` of the template) and, for POST, nothing else is sent but `body`. */
  params: unknown;
  /** The JSON body of a POST. @default {} */
  body?: unknown;
  isExpected: (json: unknown) => json is T;
}
