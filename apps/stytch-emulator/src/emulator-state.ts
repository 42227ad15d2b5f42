import { stytchEnvironment } from '@connected-apps/core/wire';
import { Directory } from './domain/directory.ts';
import { createIdFactory, type IdKind } from './domain/ids.ts';
import { SessionStore } from './domain/sessions.ts';
import { loadFixtures } from './fixtures.ts';
import { createCredentialCheck } from './http/basic-auth.ts';
import { FaultRegistry } from './http/fault-registry.ts';
import { createRequestIdFactory } from './http/request-id.ts';
import { RequestLog } from './http/request-log.ts';
import { createSessionJwtSigner, type SessionJwtSigner } from './jwt/session-jwt.ts';
import { createSigningKey, type SigningKey } from './jwt/signing-key.ts';
import type { Fixtures, StateSummary } from './types.ts';

/** Everything one emulator instance holds: its credentials, its data, its key, its faults and its log. */
export interface EmulatorState {
  readonly projectId: string;
  readonly secret: string;
  readonly newRequestId: () => string;
  readonly newId: (kind: IdKind) => string;
  readonly isAuthorized: (authorizationHeader: string | undefined) => boolean;
  readonly directory: Directory;
  readonly sessions: SessionStore;
  readonly signingKey: SigningKey;
  readonly jwt: SessionJwtSigner;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  /** Adds (or replaces by id) the fixtures' users, apps and grants. */
  load(fixtures: Fixtures): StateSummary;
  /** Forgets all users, apps, grants, sessions, faults and logged requests, then loads `fixtures`. */
  reset(fixtures?: Fixtures): StateSummary;
}

/** Builds the state of one emulator; the signing key is generated unless a PKCS#8 PEM is given. */
export async function createEmulatorState(options: {
  projectId: string;
  secret: string;
  signingKeyPem?: string;
  fixtures?: Fixtures;
}): Promise<EmulatorState> {
  const { projectId, secret } = options;
  const env = stytchEnvironment(projectId);
  const newId = createIdFactory(env);
  const signingKey = await createSigningKey(env, options.signingKeyPem);
  const directory = new Directory(newId);
  const sessions = new SessionStore(newId);
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
    signingKey,
    jwt: createSessionJwtSigner(projectId, signingKey),
    faults,
    log,
    load(fixtures) {
      loadFixtures(directory, fixtures, newId);
      return directory.counts;
    },
    reset(fixtures) {
      // Checked before anything is forgotten, so a bad document leaves the emulator as it was.
      if (fixtures) loadFixtures(new Directory(newId), fixtures, newId);
      directory.clear();
      sessions.clear();
      faults.clear();
      log.clear();
      return fixtures ? state.load(fixtures) : directory.counts;
    },
  };
  if (options.fixtures) state.load(options.fixtures);
  return state;
}
