import type {
  ClientType,
  ConnectedApp,
  ConnectedAppInput,
  ConnectedAppRecord,
  GrantInput,
  GrantRecord,
  StytchUser,
  TokensResponse,
  UserInput,
  UserName,
} from '../types.ts';
import { GrantBook } from './grant-book.ts';
import type { IdKind } from './ids.ts';
import { isWellFormedUserId } from './ids.ts';
import { optionalString, stringList } from './input-checks.ts';
import { EmulatorInputError } from './input-error.ts';
import { stytchTime } from './time.ts';

// A record, so the compiler fails here when core's `ClientType` gains or loses a type.
const CLIENT_TYPES = Object.keys({
  first_party: true,
  first_party_public: true,
  third_party: true,
  third_party_public: true,
} satisfies Record<ClientType, true>) as readonly ClientType[];

/** Outcome of a revoke; the HTTP layer maps each to Stytch's answer. */
export type RevokeOutcome = 'revoked' | 'not_granted' | 'user_not_found' | 'connected_app_not_found';

/**
 * The emulator's users, connected apps, grants and the tokens each grant issued, in memory.
 * Lookups on the Stytch API paths are plain Map reads: no I/O, no crypto.
 */
export class Directory {
  readonly #newId: (kind: IdKind) => string;
  readonly #users = new Map<string, StytchUser>();
  readonly #userIdByExternalId = new Map<string, string>();
  readonly #apps = new Map<string, ConnectedAppRecord>();
  /** Users' grants, by `user_id`. */
  readonly #grants: GrantBook;

  constructor(newId: (kind: IdKind) => string) {
    this.#newId = newId;
    this.#grants = new GrantBook(newId);
  }

  /** Forgets everything. */
  clear(): void {
    this.#users.clear();
    this.#userIdByExternalId.clear();
    this.#apps.clear();
    this.#grants.clear();
  }

  get counts(): { users: number; connected_apps: number; grants: number } {
    return { users: this.#users.size, connected_apps: this.#apps.size, grants: this.#grants.size };
  }

  /** Resolves a `user_id` or an `external_id` to the user. */
  findUser(userIdOrExternalId: string): StytchUser | undefined {
    const user = this.#users.get(userIdOrExternalId);
    if (user) return user;
    const userId = this.#userIdByExternalId.get(userIdOrExternalId);
    return userId === undefined ? undefined : this.#users.get(userId);
  }

  /** Creates a user, or replaces the profile of an existing `user_id` (its grants stay). */
  upsertUser(input: UserInput): StytchUser {
    const userId = input.user_id ?? this.#newId('user');
    requireUserIdFormat('user_id', userId);
    if (input.external_id !== undefined) {
      requireUserIdFormat('external_id', input.external_id);
      const owner = this.#userIdByExternalId.get(input.external_id);
      if (owner !== undefined && owner !== userId) {
        throw new EmulatorInputError(
          'duplicate_external_id',
          `external_id ${input.external_id} belongs to ${owner}.`,
        );
      }
    }
    const email = optionalString('email', input.email);
    const previous = this.#users.get(userId);
    if (previous?.external_id !== undefined) this.#userIdByExternalId.delete(previous.external_id);
    const user: StytchUser = {
      user_id: userId,
      ...(input.external_id === undefined ? {} : { external_id: input.external_id }),
      emails: email === undefined ? [] : [{ email_id: this.#newId('email'), email, verified: true }],
      status: 'active',
      name: toName(input.name),
      phone_numbers: [],
      webauthn_registrations: [],
      providers: [],
      totps: [],
      crypto_wallets: [],
      biometric_registrations: [],
      is_locked: false,
      roles: stringList('roles', input.roles ?? []),
      created_at: previous?.created_at ?? stytchTime(),
      password: null,
      trusted_metadata: {},
      untrusted_metadata: {},
    };
    this.#users.set(userId, user);
    if (input.external_id !== undefined) this.#userIdByExternalId.set(input.external_id, userId);
    return user;
  }

  findApp(connectedAppId: string): ConnectedAppRecord | undefined {
    return this.#apps.get(connectedAppId);
  }

  /** Creates a connected app, or replaces an existing one's details (grants stay). */
  upsertApp(input: ConnectedAppInput): ConnectedAppRecord {
    if (typeof input.name !== 'string' || input.name === '') {
      throw new EmulatorInputError('bad_request', 'name is required and must be a non-empty string.');
    }
    const clientType = input.client_type ?? 'third_party';
    if (!CLIENT_TYPES.includes(clientType)) {
      throw new EmulatorInputError('bad_request', `client_type must be one of ${CLIENT_TYPES.join(', ')}.`);
    }
    if (input.logo_url !== undefined && input.logo_url !== null && typeof input.logo_url !== 'string') {
      throw new EmulatorInputError('bad_request', 'logo_url must be a string or null.');
    }
    const app: ConnectedAppRecord = {
      connected_app_id:
        optionalString('connected_app_id', input.connected_app_id) ?? this.#newId('connected-app'),
      name: input.name,
      description: optionalString('description', input.description) ?? '',
      client_type: clientType,
      logo_url: input.logo_url ?? null,
    };
    this.#apps.set(app.connected_app_id, app);
    return app;
  }

  /**
   * Records that the user authorized the app for `scopes` and issues an access and a refresh token.
   * Granting again adds the new scopes to the active grant and issues a fresh token pair.
   */
  grant(input: GrantInput): GrantRecord {
    const user = this.findUser(String(input.user_id));
    if (!user) throw new EmulatorInputError('user_not_found', `No user ${input.user_id}.`);
    const app = this.#apps.get(String(input.connected_app_id));
    if (!app)
      throw new EmulatorInputError('connected_app_not_found', `No connected app ${input.connected_app_id}.`);
    return {
      user_id: user.user_id,
      connected_app_id: app.connected_app_id,
      ...this.#grants.grant(user.user_id, app.connected_app_id, input.scopes),
    };
  }

  /** The apps the user has an active grant for, in grant order, as Stytch lists them. */
  connectedAppsOf(userId: string): ConnectedApp[] {
    const apps: ConnectedApp[] = [];
    for (const { connectedAppId, scopes } of this.#grants.activeOf(userId)) {
      const app = this.#apps.get(connectedAppId);
      if (app) apps.push({ ...app, scopes_granted: scopes.join(' ') });
    }
    return apps;
  }

  /** Removes the grant and revokes every token it issued. Revoking what is not granted is a no-op. */
  revoke(userIdOrExternalId: string, connectedAppId: string): RevokeOutcome {
    const user = this.findUser(userIdOrExternalId);
    if (!user) return 'user_not_found';
    if (!this.#apps.has(connectedAppId)) return 'connected_app_not_found';
    return this.#grants.revoke(user.user_id, connectedAppId) ? 'revoked' : 'not_granted';
  }

  /** Every token the user's grants to the app issued, revoked or not. */
  tokensOf(userIdOrExternalId: string, connectedAppId: string): TokensResponse {
    const user = this.findUser(userIdOrExternalId);
    if (!user) throw new EmulatorInputError('user_not_found', `No user ${userIdOrExternalId}.`);
    if (!this.#apps.has(connectedAppId)) {
      throw new EmulatorInputError('connected_app_not_found', `No connected app ${connectedAppId}.`);
    }
    return this.#grants.tokensOf(user.user_id, connectedAppId);
  }
}

function toName(name: UserInput['name']): Required<UserName> {
  if (name === undefined) return { first_name: '', middle_name: '', last_name: '' };
  if (typeof name === 'string') {
    const space = name.indexOf(' ');
    return space === -1
      ? { first_name: name, middle_name: '', last_name: '' }
      : { first_name: name.slice(0, space), middle_name: '', last_name: name.slice(space + 1) };
  }
  if (typeof name !== 'object' || name === null) {
    throw new EmulatorInputError(
      'bad_request',
      'name must be a string or { first_name, middle_name, last_name }.',
    );
  }
  return {
    first_name: optionalString('name.first_name', name.first_name) ?? '',
    middle_name: optionalString('name.middle_name', name.middle_name) ?? '',
    last_name: optionalString('name.last_name', name.last_name) ?? '',
  };
}

function requireUserIdFormat(field: string, value: unknown): void {
  if (typeof value !== 'string' || !isWellFormedUserId(value)) {
    throw new EmulatorInputError(
      'invalid_user_id',
      `${field} must be 1-128 characters of letters, digits, '.', '_', '-' or '|'.`,
    );
  }
}
