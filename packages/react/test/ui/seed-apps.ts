import type { ClientType } from '@connected-apps/core';
import { control, proxyClient, type SeededUser } from '../support/stack.ts';

/** An app to grant, with the fields the UI shows. */
export interface AppSpec {
  name: string;
  client_type?: ClientType;
  description?: string;
  logo_url?: string | null;
  /** @default ['openid'] */
  scopes?: string[];
}

/** A tiny valid logo (an empty SVG), so the row shows an image rather than initials. */
export const LOGO = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';

/**
 * A fresh user who granted these apps (in this order) and a proxy client signed in as them. Unlike the
 * kit's `seedUser`, each app has its own type, description, logo and scopes: what the UI renders.
 */
export async function seedApps(specs: AppSpec[]): Promise<SeededUser> {
  const { user_id } = await control.createUser({});
  const apps = [];
  for (const { scopes = ['openid'], ...app } of specs) {
    const record = await control.createConnectedApp(app);
    await control.createGrant({ user_id, connected_app_id: record.connected_app_id, scopes });
    apps.push(record);
  }
  const { session_jwt, session_token } = await control.mintSession({ user_id });
  return { user_id, apps, session_jwt, session_token, client: proxyClient(session_jwt) };
}
