/** One API operation: its route and how to recognize its success body. */
export interface Operation<T> {
  method: 'GET' | 'POST';
  /** e.g. `/v1/users/{user_id}/connected_apps`; each `{name}` is taken from `params`. */
  template: string;
  params: unknown;
  isExpected: (json: unknown) => json is T;
}
