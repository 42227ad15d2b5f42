/**
 * The TanStack Query key of a user's connected apps. Invalidate it (or its prefix
 * `['connected-apps']`) after changing a user's grants some other way.
 *
 * @example
 * await queryClient.invalidateQueries({ queryKey: connectedAppsQueryKey(user_id) });
 */
export function connectedAppsQueryKey(user_id: string) {
  return ['connected-apps', 'list', user_id] as const;
}
