import type {
  ConnectedAppsB2BClient,
  MemberConnectedApp,
  OrganizationConnectedApp,
} from '@connected-apps/core';
import { Query, type Without } from '../../store/query.ts';
import { toConnectedAppsError } from '../../store/to-connected-apps-error.ts';
import { withoutApps } from '../../store/without-apps.ts';
import type {
  OrganizationConnectedAppDetails,
  RevokeMemberResponse,
  RevokeMemberVariables,
} from '../types.ts';

/**
 * Everything the B2B hooks share for one client, with no React in it: each member's list, each
 * organization's list and each app's per-app view (who has it), and the member revokes in flight.
 * Lists are keyed by the ids exactly as given: a list asked for by slug or external id does not follow
 * a revoke addressed by the organization's or member's id.
 */
export class ConnectedAppsB2BStore {
  readonly client: ConnectedAppsB2BClient;
  private readonly memberLists = new Map<string, Query<MemberConnectedApp[]>>();
  private readonly organizationLists = new Map<string, Query<OrganizationConnectedApp[]>>();
  private readonly appViews = new Map<string, Query<OrganizationConnectedAppDetails>>();
  private readonly revokes = new Map<string, Promise<RevokeMemberResponse>>();

  constructor(client: ConnectedAppsB2BClient) {
    this.client = client;
  }

  /** The apps one member has authorized, created on first use. */
  memberApps(organization_id: string, member_id: string): Query<MemberConnectedApp[]> {
    return shared(
      this.memberLists,
      key(organization_id, member_id),
      () =>
        this.client.organizations.members
          .getConnectedApps({ organization_id, member_id })
          .then((response) => response.connected_apps),
      withoutApps,
    );
  }

  /** The apps some member of the organization has installed, created on first use. */
  organizationApps(organization_id: string): Query<OrganizationConnectedApp[]> {
    return shared(
      this.organizationLists,
      organization_id,
      () =>
        this.client.organizations
          .connectedApps({ organization_id })
          .then((response) => response.connected_apps),
      withoutApps,
    );
  }

  /** One app of the organization and who has it installed, created on first use. */
  organizationApp(organization_id: string, connected_app_id: string): Query<OrganizationConnectedAppDetails> {
    return shared(
      this.appViews,
      key(organization_id, connected_app_id),
      () =>
        this.client.organizations
          .getConnectedApp({ organization_id, connected_app_id })
          .then(({ request_id, status_code, ...details }) => details),
      withoutMembers,
    );
  }

  /**
   * Revokes the member's app, or joins the revoke of the same (organization, member, app) already in
   * flight: the one place where member revokes are de-duplicated (the first call's `optimistic` choice
   * stands). On success the app leaves the member's lists and the member leaves the app's views; when
   * a loaded view is left with nobody, the app leaves the organization's lists too. Rejects with a
   * `ConnectedAppsError`.
   */
  revoke(
    variables: RevokeMemberVariables,
    options: { optimistic?: boolean } = {},
  ): Promise<RevokeMemberResponse> {
    const { organization_id, member_id, connected_app_id } = variables;
    const revokeKey = key(organization_id, member_id, connected_app_id);
    const pending = this.revokes.get(revokeKey);
    if (pending) return pending;

    const memberKey = key(organization_id, member_id);
    const appKey = key(organization_id, connected_app_id);
    if (options.optimistic) {
      this.memberApps(organization_id, member_id).hide(connected_app_id);
      this.organizationApp(organization_id, connected_app_id).hide(member_id);
    }
    // `new Promise` turns a synchronous throw from a custom client into a rejection.
    const request = new Promise<RevokeMemberResponse>((resolve) =>
      resolve(
        this.client.organizations.members.connectedApps.revoke({
          organization_id,
          member_id,
          connected_app_id,
        }),
      ),
    ).then(
      (response) => {
        this.memberLists.get(memberKey)?.remove(connected_app_id);
        const view = this.appViews.get(appKey);
        view?.remove(member_id);
        const nobodyLeft = view?.state.data?.active_members.length === 0;
        if (nobodyLeft && !this.revoking(organization_id, connected_app_id, revokeKey)) {
          this.organizationLists.get(organization_id)?.remove(connected_app_id);
        }
        return response;
      },
      (error: unknown) => {
        this.memberLists.get(memberKey)?.unhide(connected_app_id);
        this.appViews.get(appKey)?.unhide(member_id);
        throw toConnectedAppsError(error);
      },
    );
    const tracked = request.finally(() => this.revokes.delete(revokeKey));
    this.revokes.set(revokeKey, tracked);
    return tracked;
  }

  /**
   * Whether another member's revoke of this app is still in flight: its member may still be hidden
   * from the view (optimistic), so an empty view does not yet mean nobody has the app.
   */
  private revoking(organization_id: string, connected_app_id: string, except: string): boolean {
    for (const revokeKey of this.revokes.keys()) {
      const [organization, , app] = revokeKey.split(SEPARATOR);
      if (revokeKey !== except && organization === organization_id && app === connected_app_id) return true;
    }
    return false;
  }
}

/** The NUL separator cannot occur in ids core accepts (no control characters). */
const SEPARATOR = '\u0000';

function key(...ids: string[]): string {
  return ids.join(SEPARATOR);
}

/** The query under `queryKey`, created on first use. */
function shared<T>(
  queries: Map<string, Query<T>>,
  queryKey: string,
  load: () => Promise<T>,
  without: Without<T>,
): Query<T> {
  let query = queries.get(queryKey);
  if (!query) {
    query = new Query(load, without);
    queries.set(queryKey, query);
  }
  return query;
}

/** A per-app view without these members. */
function withoutMembers(
  details: OrganizationConnectedAppDetails,
  member_ids: ReadonlySet<string>,
): OrganizationConnectedAppDetails {
  return {
    ...details,
    active_members: details.active_members.filter((member) => !member_ids.has(member.member_id)),
  };
}
