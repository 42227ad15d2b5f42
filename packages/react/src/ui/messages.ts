import type { ClientType, ConnectedApp, StytchErrorBody } from '@connected-apps/core';

/**
 * Every string `<ConnectedAppsManager>` shows or announces. Pass any of them through its `messages`
 * prop to translate or reword; the rest stay English. Functions get what the sentence is about.
 */
export interface ConnectedAppsMessages {
  /** The section's heading. @default 'Connected apps' */
  title: string;
  /** After the heading once the list is loaded. @default (count) => `(${count})` */
  count: (count: number) => string;
  /** Beside the heading while a loaded list is fetched again. @default 'Refreshing…' */
  refreshing: string;
  /** Announced (and shown, unstyled) while the list first loads. @default 'Loading your connected apps…' */
  loading: string;
  /** The list could not be loaded. @default 'Could not load your connected apps' */
  loadErrorTitle: string;
  /** Loads the list again. @default 'Try again' */
  retryLoad: string;
  /** The same button while that load runs. @default 'Trying again…' */
  retryingLoad: string;
  /** No app has access. @default 'No connected apps' */
  emptyTitle: string;
  /** @default 'When you let another app use your account, it shows up here so you can revoke it.' */
  emptyText: string;
  /** The badge for each of Stytch's client types. @default 'First-party', 'Third-party · public client', … */
  clientTypes: Record<ClientType, string>;
  /** Names the list of an app's granted scopes. @default 'Permissions' */
  scopesLabel: string;
  /** An app granted no scope. @default 'No permissions granted' */
  noScopes: string;
  /**
   * Words for scopes, used when `describeScope` gives none; a scope found in neither shows as it is.
   * @default sentences for OIDC's `openid`, `email`, `profile` and `offline_access`
   */
  scopes: Record<string, string>;
  /** The button that opens the confirmation. @default 'Revoke' */
  revoke: string;
  /** Its accessible name, naming the app. @default (app) => `Revoke ${app.name}` */
  revokeLabel: (app: ConnectedApp) => string;
  /** The confirmation's question. @default (app) => `Remove ${app.name}'s access?` */
  confirmTitle: (app: ConnectedApp) => string;
  /** What a revoke does, said before it happens. */
  confirmText: (app: ConnectedApp) => string;
  /** Confirms the revoke. @default 'Revoke access' */
  confirm: string;
  /** That button while the revoke runs. @default 'Revoking…' */
  revoking: string;
  /** Backs out of the confirmation (so does Escape). @default 'Cancel' */
  cancel: string;
  /** Sends the failed revoke again. @default 'Try again' */
  retryRevoke: string;
  /** Shown and announced once an app is revoked. @default (app) => `${app.name} no longer has access to your account.` */
  revoked: (app: ConnectedApp) => string;
  /** Heads a failed revoke's error. @default (app) => `Could not revoke ${app.name}` */
  revokeErrorTitle: (app: ConnectedApp) => string;
  /** Opens the revoke-all confirmation; in the header while the list has apps. @default 'Revoke all' */
  revokeAll: string;
  /** The revoke-all confirmation's question. @default (count) => `Remove access for ${count} apps?` */
  revokeAllTitle: (count: number) => string;
  /** What revoke-all does, said before it happens; gets how many apps it is about. */
  revokeAllText: (count: number) => string;
  /** Confirms revoke-all. @default 'Revoke all access' */
  confirmRevokeAll: string;
  /** Announced once every app is revoked. @default (count) => `${count} apps no longer have access to your account.` */
  revokedAll: (count: number) => string;
  /**
   * Announced when some apps were revoked and some failed (the confirmation then shows each failed
   * one under `revokeErrorTitle`). @default (revoked, failed) => `${revoked} apps revoked; ${failed} could not be revoked.`
   */
  revokeAllPartial: (revoked: number, failed: number) => string;
  /** Heads the error when revoke-all failed as a whole (nothing was revoked). @default 'Could not revoke your apps' */
  revokeAllErrorTitle: string;
  /** A failure in words a person can act on. @default plain sentences per error type, else Stytch's message */
  errorText: (error: StytchErrorBody) => string;
  /** Labels the request id support will ask for (punctuation included, as languages differ). @default 'Request ID:' */
  requestId: string;
  /** The technical line under an error. @default (error) => 'HTTP 500 · internal_server_error' */
  errorCode: (error: StytchErrorBody) => string;
}

/** What the `messages` prop takes: any strings, and any entries of the two records. */
export type ConnectedAppsMessagesInput = Partial<Omit<ConnectedAppsMessages, 'clientTypes' | 'scopes'>> & {
  clientTypes?: Partial<Record<ClientType, string>>;
  scopes?: Record<string, string>;
};

/** `1 app`, `3 apps`. */
const apps = (count: number) => `${count} app${count === 1 ? '' : 's'}`;

/** The English messages, the defaults of every entry. */
export const englishMessages: ConnectedAppsMessages = {
  title: 'Connected apps',
  count: (count) => `(${count})`,
  refreshing: 'Refreshing…',
  loading: 'Loading your connected apps…',
  loadErrorTitle: 'Could not load your connected apps',
  retryLoad: 'Try again',
  retryingLoad: 'Trying again…',
  emptyTitle: 'No connected apps',
  emptyText: 'When you let another app use your account, it shows up here so you can revoke it.',
  clientTypes: {
    first_party: 'First-party',
    first_party_public: 'First-party · public client',
    third_party: 'Third-party',
    third_party_public: 'Third-party · public client',
  },
  scopesLabel: 'Permissions',
  noScopes: 'No permissions granted',
  scopes: {
    openid: 'Confirm who you are',
    email: 'See your email address',
    profile: 'See your name and profile picture',
    offline_access: 'Stay connected when you are not using it',
  },
  revoke: 'Revoke',
  revokeLabel: (app) => `Revoke ${app.name}`,
  confirmTitle: (app) => `Remove ${app.name}'s access?`,
  confirmText: (app) =>
    `${app.name} will be signed out right away and can no longer use your account. It can ask for access again the next time you use it.`,
  confirm: 'Revoke access',
  revoking: 'Revoking…',
  cancel: 'Cancel',
  retryRevoke: 'Try again',
  revoked: (app) => `${app.name} no longer has access to your account.`,
  revokeErrorTitle: (app) => `Could not revoke ${app.name}`,
  revokeAll: 'Revoke all',
  revokeAllTitle: (count) => `Remove access for ${apps(count)}?`,
  revokeAllText: () =>
    'Every app listed here will be signed out right away and can no longer use your account. Each can ask for access again the next time you use it.',
  confirmRevokeAll: 'Revoke all access',
  revokedAll: (count) => `${apps(count)} no longer ${count === 1 ? 'has' : 'have'} access to your account.`,
  revokeAllPartial: (revoked, failed) => `${apps(revoked)} revoked; ${failed} could not be revoked.`,
  revokeAllErrorTitle: 'Could not revoke your apps',
  errorText: (error) => {
    switch (error.error_type) {
      case 'session_required':
      case 'session_invalid':
        return 'Your session has ended. Sign in again and retry.';
      case 'too_many_requests':
        return 'Too many attempts in a short time. Wait a moment and retry.';
      case 'network_error':
        return 'The server could not be reached. Check your connection and retry.';
      case 'timeout':
      case 'upstream_timeout':
        return 'The server took too long to answer. Retry in a moment.';
      default:
        // Stytch's own text for a server failure asks the reader to email Stytch, which is not their move.
        return error.status_code >= 500
          ? 'Something went wrong on our side. Try again in a moment; if it keeps failing, contact support with the request ID below.'
          : error.error_message;
    }
  },
  requestId: 'Request ID:',
  errorCode: (error) =>
    error.status_code > 0 ? `HTTP ${error.status_code} · ${error.error_type}` : error.error_type,
};

/** The English messages with the given ones on top (the two records merged entry by entry). */
export function mergeMessages(input: ConnectedAppsMessagesInput = {}): ConnectedAppsMessages {
  return {
    ...englishMessages,
    ...input,
    clientTypes: { ...englishMessages.clientTypes, ...input.clientTypes },
    scopes: { ...englishMessages.scopes, ...input.scopes },
  };
}
