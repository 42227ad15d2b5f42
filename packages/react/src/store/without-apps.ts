/** A list of apps (a user's, a member's or an organization's) without the ones with these ids. */
export function withoutApps<T extends { connected_app_id: string }>(
  apps: T[],
  ids: ReadonlySet<string>,
): T[] {
  return apps.filter((app) => !ids.has(app.connected_app_id));
}
