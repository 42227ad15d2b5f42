/** How a Connected App authenticates: Stytch's four client types. */
export type ClientType = 'first_party' | 'first_party_public' | 'third_party' | 'third_party_public';

/** A Connected App a user has authorized, as Stytch lists it. */
export interface ConnectedApp {
  connected_app_id: string;
  name: string;
  description: string;
  client_type: ClientType;
  logo_url: string | null;
  /** The scopes the user granted, one space-separated string (e.g. `'openid email'`). */
  scopes_granted: string;
}

/** `users.revoke()` input: the user (id or `external_id`) and the app to cut off. */
export interface UsersRevokeRequest {
  user_id: string;
  connected_app_id: string;
}

/** `users.revoke()` result: Stytch's `{ request_id, status_code }`. */
export interface UsersRevokeResponse {
  request_id: string;
  status_code: number;
}

/** `users.connectedApps()` input. */
export interface UsersConnectedAppsRequest {
  user_id: string;
}

/** `users.connectedApps()` result: the apps the user has currently authorized. */
export interface UsersConnectedAppsResponse {
  request_id: string;
  status_code: number;
  connected_apps: ConnectedApp[];
}

/** Per-call options, accepted by every operation. */
export interface RequestOptions {
  /** Aborts the call, including any retry wait; the call rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds for this call, overriding the client's `timeout`. */
  timeout?: number;
  /** Extra headers for this call (names are case-insensitive; they override the client's). */
  headers?: Record<string, string>;
}

/** The client both constructors return: Stytch's names, so a Stytch user recognizes them. */
export interface ConnectedAppsClient {
  users: {
    /**
     * Revokes a Connected App's access to a user: Stytch removes the grant and revokes every token
     * the app holds for that user. Retried on transient failures (see the README: it is safe).
     *
     * @example
     * await client.users.revoke({ user_id: 'user-test-…', connected_app_id: 'connected-app-test-…' });
     */
    revoke(req: UsersRevokeRequest, options?: RequestOptions): Promise<UsersRevokeResponse>;
    /**
     * Lists the Connected Apps a user has authorized.
     *
     * @example
     * const { connected_apps } = await client.users.connectedApps({ user_id: 'user-test-…' });
     */
    connectedApps(
      req: UsersConnectedAppsRequest,
      options?: RequestOptions,
    ): Promise<UsersConnectedAppsResponse>;
  };
}
