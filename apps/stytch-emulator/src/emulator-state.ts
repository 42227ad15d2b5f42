import { isHttpBaseUrl, sessionJwtIssuers, stytchEnvironment } from '@connected-apps/core/wire';
import { Directory } from './domain/directory.ts';
import { createIdFactory, type IdKind } from './domain/ids.ts';
import { EmulatorInputError } from './domain/input-error.ts';
import { MemberSessionStore } from './domain/member-sessions.ts';
import { OrganizationDirectory } from './domain/organizations.ts';
import { RbacPolicyStore } from './domain/rbac-policy.ts';
import { SessionStore } from './domain/sessions.ts';
import { loadFixtures } from './fixtures.ts';
import { createCredentialCheck } from './http/basic-auth.ts';
import { FaultRegistry } from './http/fault-registry.ts';
import { createRequestIdFactory } from './http/request-id.ts';
import { RequestLog } from './http/request-log.ts';
import { createSessionJwtSigner, type SessionJwtSigner } from './jwt/session-jwt.ts';
import { createSigningKey, type SigningKey } from './jwt/signing-key.ts';
import type { Fixtures, ProjectSettings, StateSummary } from './types.ts';

/** Everything one emulator instance holds: its credentials, its data, its key, its faults and its log. */
export interface EmulatorState {
  readonly projectId: string;
  readonly secret: string;
  readonly newRequestId: () => string;
  readonly newId: (kind: IdKind) => string;
  readonly isAuthorized: (authorizationHeader: string | undefined) => boolean;
  readonly directory: Directory;
  readonly sessions: SessionStore;
  /** The B2B side: organizations, members, their grants. Connected apps are `directory`'s. */
  readonly organizations: OrganizationDirectory;
  readonly memberSessions: MemberSessionStore;
  readonly rbac: RbacPolicyStore;
  /** Project settings that change what the emulator issues and accepts (the custom domain). */
  readonly project: ProjectSettings;
  /** Changes the project settings (a `custom_domain` of `null` removes it). */
  configureProject(settings: { custom_domain?: string | null }): ProjectSettings;
  readonly signingKey: SigningKey;
  readonly jwt: SessionJwtSigner;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  /** Adds (or replaces by id) the fixtures' users, apps, grants, organizations, members and member grants. */
  load(fixtures: Fixtures): StateSummary;
  /**
   * Forgets all data, sessions, faults and logged requests, and puts the RBAC policy back to Stytch's
   * defaults, then loads `fixtures`. The project settings stay.
   */
  reset(fixtures?: Fixtures): StateSummary;
}

/** Builds the state of one emulator; the signing key is generated unless a PKCS#8 PEM is given. */
export async function createEmulatorState(options: {
  projectId: string;
  secret: string;
  signingKeyPem?: string;
  fixtures?: Fixtures;
  customDomain?: string;
}): Promise<EmulatorState> {
  const { projectId, secret } = options;
  const env = stytchEnvironment(projectId);
  const newId = createIdFactory(env);
  const signingKey = await createSigningKey(env, options.signingKeyPem);
  const directory = new Directory(newId);
  const sessions = new SessionStore(newId);
  const organizations = new OrganizationDirectory(newId, (id) => directory.findApp(id));
  const memberSessions = new MemberSessionStore(newId);
  const rbac = new RbacPolicyStore();
  const project: ProjectSettings = { custom_domain: null };
  const configureProject = (settings: { custom_domain?: string | null }): ProjectSettings => {
    const domain = settings.custom_domain;
    if (domain !== undefined && domain !== null && !isHttpBaseUrl(domain)) {
      throw new EmulatorInputError('bad_request', 'custom_domain must be an http(s) base URL, or null.');
    }
    if (domain !== undefined) project.custom_domain = domain === null ? null : domain.replace(/\/+$/, '');
    return { ...project };
  };
  if (options.customDomain !== undefined) configureProject({ custom_domain: options.customDomain });
  const faults = new FaultRegistry();
  const log = new RequestLog();
  const state: EmulatorState = {
    projectId,
    secret,
    newRequestId: createRequestIdFactory(projectId),
    newId,
    isAuthorized: createCredentialCheck(projectId, secret),
    directory,
    sessions,
    organizations,
    memberSessions,
    rbac,
    project,
    configureProject,
    signingKey,
    // Both of Stytch's issuers, as its SDKs accept them: its own, and the custom domain once there is one.
    jwt: createSessionJwtSigner(projectId, signingKey, () =>
      sessionJwtIssuers(projectId, project.custom_domain ?? undefined),
    ),
    faults,
    log,
    load(fixtures) {
      loadFixtures({ directory, organizations, rbac }, fixtures, newId);
      return summary();
    },
    reset(fixtures) {
      // Checked before anything is forgotten, so a bad document leaves the emulator as it was.
      if (fixtures) loadFixtures(emptyTarget(newId), fixtures, newId);
      directory.clear();
      sessions.clear();
      organizations.clear();
      memberSessions.clear();
      rbac.clear();
      faults.clear();
      log.clear();
      return fixtures ? state.load(fixtures) : summary();
    },
  };
  const summary = (): StateSummary => ({ ...directory.counts, ...organizations.counts });
  if (options.fixtures) state.load(options.fixtures);
  return state;
}

/** Empty stores, to check a fixture document against nothing. */
function emptyTarget(newId: (kind: IdKind) => string) {
  const directory = new Directory(newId);
  return {
    directory,
    organizations: new OrganizationDirectory(newId, (id) => directory.findApp(id)),
    rbac: new RbacPolicyStore(),
  };
}
