import type {
  B2BMemberAuthorization,
  B2BOrganizationsConnectedAppsRequest,
  B2BOrganizationsConnectedAppsResponse,
  B2BOrganizationsGetConnectedAppRequest,
  B2BOrganizationsGetConnectedAppResponse,
  B2BOrganizationsGetRequest,
  B2BOrganizationsGetResponse,
  B2BOrganizationsMembersConnectedAppsRevokeRequest,
  B2BOrganizationsMembersConnectedAppsRevokeResponse,
  B2BOrganizationsMembersGetConnectedAppsRequest,
  B2BOrganizationsMembersGetConnectedAppsResponse,
  B2BOrganizationsMembersGetRequest,
  B2BOrganizationsMembersGetResponse,
  B2BRBACPolicyResponse,
  B2BSessionsAuthenticateRequest,
  B2BSessionsAuthenticateResponse,
  B2BSessionsGetJWKSRequest,
  B2BSessionsGetJWKSResponse,
} from '../wire/b2b-shapes.ts';
import type { RequestOptions } from './types.ts';

/** Per-call options of the B2B operations Stytch lets run with a member's RBAC permissions. */
export interface B2BRequestOptions extends RequestOptions {
  /**
   * Runs the call with this member's permissions (SDK: the same `authorization` option): sent as
   * `X-Stytch-Member-Session` / `X-Stytch-Member-SessionJWT` and redacted from every error. Stytch then
   * answers 403 `session_authorization_error` when the member's roles do not permit the call or the
   * member belongs to another organization.
   */
  authorization?: B2BMemberAuthorization;
}

/**
 * The B2B connected-apps operations both B2B clients have, named as the `stytch` SDK's `B2BClient`
 * names them: a member's apps and their revoke, and the organization's admin views.
 */
export interface ConnectedAppsB2BClient<Options extends RequestOptions = RequestOptions> {
  organizations: {
    /**
     * The apps some member of the organization has installed (SDK `organizations.connectedApps`).
     *
     * @example
     * const { connected_apps } = await client.organizations.connectedApps({ organization_id: 'acme' });
     */
    connectedApps(
      req: B2BOrganizationsConnectedAppsRequest,
      options?: Options,
    ): Promise<B2BOrganizationsConnectedAppsResponse>;
    /**
     * One app and the members who have it installed, each with its `granted_scopes` (SDK
     * `organizations.getConnectedApp`).
     *
     * @example
     * const { active_members } = await client.organizations.getConnectedApp({ organization_id, connected_app_id });
     */
    getConnectedApp(
      req: B2BOrganizationsGetConnectedAppRequest,
      options?: Options,
    ): Promise<B2BOrganizationsGetConnectedAppResponse>;
    members: {
      /**
       * The apps a member has authorized (SDK `organizations.members.getConnectedApps`).
       *
       * @example
       * const { connected_apps } = await client.organizations.members.getConnectedApps({ organization_id, member_id });
       */
      getConnectedApps(
        req: B2BOrganizationsMembersGetConnectedAppsRequest,
        options?: Options,
      ): Promise<B2BOrganizationsMembersGetConnectedAppsResponse>;
      connectedApps: {
        /**
         * Revokes an app's access to a member: Stytch removes the grant and revokes every token the app
         * holds for the member (SDK `organizations.members.connectedApps.revoke`). Retried on
         * transient failures, as the consumer revoke is.
         *
         * @example
         * await client.organizations.members.connectedApps.revoke({ organization_id, member_id, connected_app_id });
         */
        revoke(
          req: B2BOrganizationsMembersConnectedAppsRevokeRequest,
          options?: Options,
        ): Promise<B2BOrganizationsMembersConnectedAppsRevokeResponse>;
      };
    };
  };
}

/**
 * The browser's B2B client ({@link createB2BProxyClient}): the connected-apps B2B operations through
 * the proxy, which decides from the caller's member session what it may do.
 */
export type B2BProxyClient = ConnectedAppsB2BClient<RequestOptions>;

/**
 * The server's B2B client ({@link createStytchB2BClient}): the connected-apps B2B operations plus the
 * lookups and session checks a backend needs to know its caller and what the caller may do.
 */
export interface StytchB2BClient extends ConnectedAppsB2BClient<B2BRequestOptions> {
  organizations: ConnectedAppsB2BClient<B2BRequestOptions>['organizations'] & {
    /**
     * An organization by id, slug or external id (SDK `organizations.get`): resolves what a path names
     * to the organization's id.
     *
     * @example
     * const { organization } = await stytch.organizations.get({ organization_id: 'acme' });
     */
    get(req: B2BOrganizationsGetRequest, options?: RequestOptions): Promise<B2BOrganizationsGetResponse>;
    members: ConnectedAppsB2BClient<B2BRequestOptions>['organizations']['members'] & {
      /**
       * A member by id or external id (SDK `organizations.members.get`, `GET …/member?member_id=…`).
       *
       * @example
       * const { member } = await stytch.organizations.members.get({ organization_id, member_id: 'ext-ada' });
       */
      get(
        req: B2BOrganizationsMembersGetRequest,
        options?: RequestOptions,
      ): Promise<B2BOrganizationsMembersGetResponse>;
    };
  };
  sessions: {
    /**
     * `POST /v1/b2b/sessions/authenticate`: confirms a member session token or JWT is live and returns the
     * session, its member and organization. A rejected session is a `StytchApiError` (404 `session_not_found`).
     *
     * @example
     * const { member_session } = await stytch.sessions.authenticate({ session_jwt });
     */
    authenticate(
      req: B2BSessionsAuthenticateRequest,
      options?: RequestOptions,
    ): Promise<B2BSessionsAuthenticateResponse>;
    /**
     * `GET /v1/b2b/sessions/jwks/{project_id}`: the keys member session JWTs are signed with.
     *
     * @example
     * const { keys } = await stytch.sessions.getJWKS({ project_id });
     */
    getJWKS(req: B2BSessionsGetJWKSRequest, options?: RequestOptions): Promise<B2BSessionsGetJWKSResponse>;
  };
  rbac: {
    /**
     * `GET /v1/b2b/rbac/policy`: the project's roles, resources and scopes.
     *
     * @example
     * const { policy } = await stytch.rbac.policy();
     */
    policy(options?: RequestOptions): Promise<B2BRBACPolicyResponse>;
  };
}
