import { randomUUID } from 'node:crypto';
import type {
  MemberGrantInput,
  MemberGrantRecord,
  MemberInput,
  MintedMemberSession,
  MintMemberSessionInput,
  OrganizationInput,
  RbacPolicy,
  RbacPolicyInput,
  StytchMemberObject,
  StytchOrganizationObject,
} from '../b2b-types.ts';
import type {
  ConnectedAppInput,
  ConnectedAppRecord,
  FaultInput,
  FaultRecord,
  Fixtures,
  GrantInput,
  GrantRecord,
  MintedSession,
  MintSessionInput,
  ProjectSettings,
  RequestLogEntry,
  StateSummary,
  StytchUser,
  TokensResponse,
  UserInput,
} from '../types.ts';
import { EmulatorControlError } from './control-error.ts';

/**
 * A typed client of the emulator's control API (`/_emulator/*`). Each method resolves to the HTTP
 * response body of its route and rejects with `EmulatorControlError`.
 */
export interface ControlClient {
  /** Forgets all data, sessions, faults and logged requests, then loads `fixtures` if given. */
  reset(fixtures?: Fixtures): Promise<StateSummary>;
  /** Adds (or replaces by id) users, apps, grants, organizations, members, member grants, the RBAC policy. */
  loadFixtures(fixtures: Fixtures): Promise<StateSummary>;
  createUser(user?: UserInput): Promise<StytchUser>;
  createConnectedApp(app: ConnectedAppInput): Promise<ConnectedAppRecord>;
  createGrant(grant: GrantInput): Promise<GrantRecord>;
  /** Starts a session for a user: an opaque token and a signed JWT. */
  mintSession(input: MintSessionInput): Promise<MintedSession>;
  /** Every token the user's grants to the app issued, and whether a grant is active. */
  getTokens(userId: string, connectedAppId: string): Promise<TokensResponse>;
  /** Creates (or replaces by id) an organization. */
  createOrganization(organization: OrganizationInput): Promise<StytchOrganizationObject>;
  /** Creates (or replaces by id) a member of an organization. */
  createMember(member: MemberInput): Promise<StytchMemberObject>;
  /** Records that a member authorized an app; issues an access and a refresh token. */
  createMemberGrant(grant: MemberGrantInput): Promise<MemberGrantRecord>;
  /** Starts a member session: an opaque token and a JWT with the B2B claims. */
  mintMemberSession(input: MintMemberSessionInput): Promise<MintedMemberSession>;
  /** Every token the member's grants to the app issued, and whether a grant is active. */
  getMemberTokens(organizationId: string, memberId: string, connectedAppId: string): Promise<TokensResponse>;
  /** The project's RBAC policy as `GET /v1/b2b/rbac/policy` serves it. */
  getRbacPolicy(): Promise<{ policy: RbacPolicy }>;
  /** Replaces the policy's custom roles and resources (and default roles given by id), at run time. */
  setRbacPolicy(policy: RbacPolicyInput): Promise<{ policy: RbacPolicy }>;
  getProject(): Promise<ProjectSettings>;
  /** Sets the project's custom domain (`null` removes it). */
  configureProject(settings: { custom_domain?: string | null }): Promise<ProjectSettings>;
  injectFault(fault: FaultInput): Promise<FaultRecord>;
  listFaults(): Promise<{ faults: FaultRecord[] }>;
  clearFaults(): Promise<void>;
  /** The Stytch API requests received since start or the last clear, oldest first. */
  getRequests(): Promise<{ requests: RequestLogEntry[] }>;
  clearRequests(): Promise<void>;
}

/** Options of {@link createControlClient}. */
export interface ControlClientOptions {
  /** The fetch to use, e.g. one that trusts a self-signed certificate. @default globalThis.fetch */
  fetch?: (request: Request) => Response | Promise<Response>;
}

/**
 * Creates a control client for the emulator at `baseUrl`.
 * @example
 * const control = createControlClient('http://127.0.0.1:4010');
 * const user = await control.createUser({ name: 'Ada Lovelace' });
 */
export function createControlClient(baseUrl: string, options: ControlClientOptions = {}): ControlClient {
  const root = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const send = options.fetch ?? ((request: Request) => fetch(request));

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    let response: Response;
    try {
      response = await send(new Request(`${root}/_emulator${path}`, init));
    } catch (error) {
      throw localError(
        0,
        'network_error',
        `Could not reach the emulator at ${root}: ${(error as Error).message}`,
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw localError(
        response.status,
        'invalid_response',
        `The emulator answered ${response.status} with non-JSON.`,
      );
    }
    if (!response.ok) {
      const error = parsed as Partial<Record<keyof EmulatorControlError, unknown>>;
      if (typeof error.error_type === 'string') {
        throw new EmulatorControlError({
          status_code: response.status,
          request_id: String(error.request_id ?? ''),
          error_type: error.error_type,
          error_message: String(error.error_message ?? ''),
          error_url: String(error.error_url ?? ''),
        });
      }
      throw localError(response.status, 'invalid_response', `The emulator answered ${response.status}.`);
    }
    return parsed as T;
  }

  const path = encodeURIComponent;
  return {
    reset: (fixtures) => call('POST', '/reset', fixtures ?? {}),
    loadFixtures: (fixtures) => call('POST', '/fixtures', fixtures),
    createUser: (user) => call('POST', '/users', user ?? {}),
    createConnectedApp: (app) => call('POST', '/connected_apps', app),
    createGrant: (grant) => call('POST', '/grants', grant),
    mintSession: (input) => call('POST', '/sessions', input),
    getTokens: (userId, appId) => call('GET', `/users/${path(userId)}/connected_apps/${path(appId)}/tokens`),
    createOrganization: (organization) => call('POST', '/organizations', organization),
    createMember: (member) => call('POST', '/members', member),
    createMemberGrant: (grant) => call('POST', '/member_grants', grant),
    mintMemberSession: (input) => call('POST', '/member_sessions', input),
    getMemberTokens: (organizationId, memberId, appId) =>
      call(
        'GET',
        `/organizations/${path(organizationId)}/members/${path(memberId)}/connected_apps/${path(appId)}/tokens`,
      ),
    getRbacPolicy: () => call('GET', '/rbac/policy'),
    setRbacPolicy: (policy) => call('POST', '/rbac/policy', policy),
    getProject: () => call('GET', '/project'),
    configureProject: (settings) => call('POST', '/project', settings),
    injectFault: (fault) => call('POST', '/faults', fault),
    listFaults: () => call('GET', '/faults'),
    clearFaults: async () => {
      await call('DELETE', '/faults');
    },
    getRequests: () => call('GET', '/requests'),
    clearRequests: async () => {
      await call('DELETE', '/requests');
    },
  };
}

function localError(status: number, type: string, message: string): EmulatorControlError {
  return new EmulatorControlError({
    status_code: status,
    request_id: `local-${randomUUID()}`,
    error_type: type,
    error_message: message,
    error_url: '',
  });
}
