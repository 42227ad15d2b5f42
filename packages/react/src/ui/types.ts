import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  UsersRevokeAllResponse,
  UsersRevokeResponse,
} from '@connected-apps/core';
import type { ReactNode } from 'react';
import type { ConnectedAppsMessagesInput } from './messages.ts';

/**
 * Turns a granted scope into words the user understands, e.g. `read:projects` → "See your projects".
 * Return `undefined` to fall back to `messages.scopes` (OIDC's scopes), then to the scope itself.
 */
export type DescribeScope = (scope: string, app: ConnectedApp) => string | undefined;

/**
 * Extra class names per part, added to the part's own `ca-*` class (e.g. Tailwind classes). `row`
 * may depend on the app.
 */
export interface ConnectedAppsClassNames {
  header?: string;
  list?: string;
  row?: string | ((app: ConnectedApp) => string | undefined);
  logo?: string;
  badge?: string;
  description?: string;
  scopes?: string;
  confirmation?: string;
  button?: string;
  notice?: string;
  empty?: string;
  skeleton?: string;
  status?: string;
}

/** The pieces of one row, for `renderRow`; `row` is them in the default arrangement. */
export interface ConnectedAppRowParts {
  /** The logo, or the initials when there is none. */
  logo: ReactNode;
  /** The app's name (a heading one level below the section's) and its client-type badge. */
  heading: ReactNode;
  /** The app's description, or `null` when it has none. */
  description: ReactNode;
  /** The granted scopes, described. */
  scopes: ReactNode;
  /** The Revoke button; `null` while the confirmation is open. */
  revoke: ReactNode;
  /** The inline confirmation, with the pending state and the error; `null` while closed. */
  confirmation: ReactNode;
  /** All of the above in the default layout (what the row shows without `renderRow`). */
  row: ReactNode;
}

/** Props of `<ConnectedAppsManager>`. */
export interface ConnectedAppsManagerProps {
  /** Whose apps to list and revoke; `null`/`undefined` shows the loading state and sends nothing. */
  user_id: string | null | undefined;
  /**
   * The client to use instead of the one from `<ConnectedAppsProvider>`.
   * @default the provider's client
   */
  client?: ConnectedAppsClient;
  /**
   * Strings to use instead of the English ones (any subset).
   * @example messages={{ title: 'Apps verbunden', revoke: 'Widerrufen' }}
   */
  messages?: ConnectedAppsMessagesInput;
  /**
   * Words for your own scopes; OIDC's have defaults in `messages.scopes`.
   * @example describeScope={(scope) => ({ 'read:projects': 'See your projects' })[scope]}
   */
  describeScope?: DescribeScope;
  /**
   * The heading level of the section's title; each app's name is one level below.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Class names added to the section (`ca-manager`). */
  className?: string;
  /** Class names added to each part. */
  classNames?: ConnectedAppsClassNames;
  /**
   * Leaves this instance out of `@connected-apps/react/ui.css` even where the stylesheet is loaded:
   * every rule in it hangs off the section's `ca-manager` class, which `unstyled` drops. The `ca-*`
   * part classes and `data-state` stay, for your own styles.
   * @default false
   */
  unstyled?: boolean;
  /**
   * Renders one row's content from its parts: wrap `parts.row`, add to it, or arrange the parts
   * yourself. The row element itself (`<li>`, its state and focus handling) stays the component's.
   * @example renderRow={(app, parts) => <>{parts.row}<LastUsed app={app} /></>}
   */
  renderRow?: (app: ConnectedApp, parts: ConnectedAppRowParts) => ReactNode;
  /** Shown in the header beside the title: your own buttons or links. */
  actions?: ReactNode;
  /** Runs once an app is revoked (it has already left the list). */
  onRevoked?: (app: ConnectedApp, response: UsersRevokeResponse) => void;
  /** Runs when a revoke fails (the row shows the error and offers to try again). */
  onRevokeError?: (app: ConnectedApp, error: ConnectedAppsError) => void;
  /**
   * Offers "Revoke all" in the header while the list has apps: an inline confirmation, then the
   * proxy's revoke-all (`users.revokeAll`, so the client must be `createProxyClient`'s). `false`
   * leaves the action out.
   * @default true
   */
  revokeAll?: boolean;
  /**
   * Runs once revoke-all answered: every app revoked (`status_code` 200, they have left the list) or
   * some failed (207: those stay, and the confirmation names each with its error).
   */
  onRevokedAll?: (response: UsersRevokeAllResponse) => void;
  /** Runs when revoke-all failed as a whole (nothing revoked; the confirmation offers to try again). */
  onRevokeAllError?: (error: ConnectedAppsError) => void;
}
