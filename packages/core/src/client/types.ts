// The proxy-only operation's shapes, named apart from Stytch's.
import type {
  B2BOrganizationsMembersRevocationsRequest,
  B2BOrganizationsMembersRevocationsResponse,
  UsersRevocationsRequest,
  UsersRevocationsResponse,
  UsersRevokeAllRequest,
  UsersRevokeAllResponse,
} from '../wire/index.ts';
import type {
  SessionsAuthenticateRequest,
  SessionsAuthenticateResponse,
  SessionsGetJWKSRequest,
  SessionsGetJWKSResponse,
  UsersConnectedAppsRequest,
  UsersConnectedAppsResponse,
  UsersRevokeRequest,
  UsersRevokeResponse,
} from '../wire/shapes.ts';

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

/**
 * The browser client ({@link createProxyClient}): the connected-apps operations plus revoke-all, which
 * only the proxy serves (Stytch has no such call, so the Stytch client does not have it).
 */
export interface ProxyClient extends ConnectedAppsClient {
  users: ConnectedAppsClient['users'] & {
    /**
     * The proxy's `POST {base}/v1/users/{user_id}/connected_apps/revoke_all`: revokes every app the user
     * has authorized. Resolves with one outcome per app both when all were revoked (`status_code` 200)
     * and when some failed (207, each failed app with its Stytch-shaped `error`): read each outcome.
     * Rejects, like every call, when the request as a whole failed (a refusal, a failed listing).
     * Calling it again revokes only what is left.
     *
     * @example
     * const { status_code, connected_apps } = await client.users.revokeAll({ user_id: 'user-test-…' });
     * const failed = connected_apps.filter((app) => app.outcome === 'failed');
     */
    revokeAll(req: UsersRevokeAllRequest, options?: RequestOptions): Promise<UsersRevokeAllResponse>;
  };
}

/**
 * {@link createRevocationHistoryClient}: the proxy's revocation history, a client of its own so a page
 * that only revokes does not ship it.
 */
export interface RevocationHistoryClient {
  users: {
    /**
     * The proxy's `GET {base}/v1/users/{user_id}/connected_apps/revocations`: the user's revoke attempts
     * from the proxy's audit trail, newest first, `limit` (1–100, default 20) per page; pass the
     * previous page's `next_cursor` as `cursor` for the next (`null` on the last). Only the user
     * themselves or an admin may read it; a proxy without an audit trail answers 404 `audit_trail_disabled`.
     *
     * @example
     * const history = createRevocationHistoryClient({ baseUrl: '/api' });
     * const { revocations, next_cursor } = await history.users.revocations({ user_id: 'user-test-…', limit: 50 });
     */
    revocations(req: UsersRevocationsRequest, options?: RequestOptions): Promise<UsersRevocationsResponse>;
  };
  organizations: {
    members: {
      /**
       * The proxy's `GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/revocations`:
       * a member's revoke attempts from the proxy's audit trail, paged as `users.revocations`. Whoever
       * may list the member's connected apps may read it: the member themselves (`get.connected-apps`
       * on `stytch.self`), or a member whose roles grant it on `stytch.member`, in the same organization.
       *
       * @example
       * const history = createRevocationHistoryClient({ baseUrl: '/api', sessionJwt: memberSessionJwt });
       * const page = await history.organizations.members.revocations({ organization_id, member_id });
       */
      revocations(
        req: B2BOrganizationsMembersRevocationsRequest,
        options?: RequestOptions,
      ): Promise<B2BOrganizationsMembersRevocationsResponse>;
    };
  };
}

/**
 * The server client ({@link createStytchClient}): the connected-apps operations plus the session
 * checks a backend needs to know its caller, on the same transport, timeout, retries and errors.
 */
export interface StytchClient extends ConnectedAppsClient {
  sessions: {
    /**
     * Stytch's `POST /v1/sessions/authenticate`: confirms a session token or JWT is live and returns the
     * session. A rejected session is a `StytchApiError` (e.g. 404 `session_not_found`).
     *
     * @example
     * const { session } = await stytch.sessions.authenticate({ session_token });
     */
    authenticate(
      req: SessionsAuthenticateRequest,
      options?: RequestOptions,
    ): Promise<SessionsAuthenticateResponse>;
    /**
     * Stytch's `GET /v1/sessions/jwks/{project_id}`: the keys session JWTs are signed with.
     *
     * @example
     * const { keys } = await stytch.sessions.getJWKS({ project_id });
     */
    getJWKS(req: SessionsGetJWKSRequest, options?: RequestOptions): Promise<SessionsGetJWKSResponse>;
  };
}
