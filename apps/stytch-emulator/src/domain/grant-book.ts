import type { TokenRecord, TokensResponse } from '../types.ts';
import type { IdKind } from './ids.ts';
import { stringList } from './input-checks.ts';
import { stytchTime } from './time.ts';

/** An active grant of one connected app, as the control API shows it. */
export interface GrantSnapshot {
  scopes: string[];
  scopes_granted: string;
  granted_at: string;
  tokens: TokenRecord[];
}

interface Grant {
  scopes: string[];
  grantedAt: string;
  tokens: TokenRecord[];
}

/**
 * Who granted which connected app, with what scopes, and every token each grant issued: the same
 * rules for a user (keyed by `user_id`) and a member (keyed by `member_id`), so each directory keeps
 * one book and only says whose grants they are.
 */
export class GrantBook {
  readonly #newId: (kind: IdKind) => string;
  /** grantee id → connected_app_id → active grant, in grant order. */
  #grants = new Map<string, Map<string, Grant>>();
  /** `grantee id \n connected_app_id` → every token ever issued, so revoked ones stay inspectable. */
  #tokens = new Map<string, TokenRecord[]>();

  constructor(newId: (kind: IdKind) => string) {
    this.#newId = newId;
  }

  /** A deep copy; a token stays one object in its grant and in the issued list, as here. */
  clone(): GrantBook {
    const copy = new GrantBook(this.#newId);
    ({ grants: copy.#grants, tokens: copy.#tokens } = structuredClone({
      grants: this.#grants,
      tokens: this.#tokens,
    }));
    return copy;
  }

  clear(): void {
    this.#grants.clear();
    this.#tokens.clear();
  }

  /** How many grants are active. */
  get size(): number {
    let grants = 0;
    for (const byApp of this.#grants.values()) grants += byApp.size;
    return grants;
  }

  /**
   * Records that the grantee authorized the app for `scopes` (a space-separated string or a list) and
   * issues an access and a refresh token. Granting again adds the new scopes to the active grant and
   * issues a fresh token pair.
   */
  grant(granteeId: string, connectedAppId: string, scopes: unknown): GrantSnapshot {
    const requested = typeof scopes === 'string' ? scopes.split(/\s+/) : stringList('scopes', scopes);
    let byApp = this.#grants.get(granteeId);
    if (!byApp) {
      byApp = new Map();
      this.#grants.set(granteeId, byApp);
    }
    const previous = byApp.get(connectedAppId);
    const merged = [...new Set([...(previous?.scopes ?? []), ...requested.filter((s) => s !== '')])];
    const issued: TokenRecord[] = [this.#issueToken('access'), this.#issueToken('refresh')];
    const key = tokenKey(granteeId, connectedAppId);
    this.#tokens.set(key, [...(this.#tokens.get(key) ?? []), ...issued]);
    const grant: Grant = {
      scopes: merged,
      grantedAt: previous?.grantedAt ?? stytchTime(),
      tokens: [...(previous?.tokens ?? []), ...issued],
    };
    byApp.set(connectedAppId, grant);
    return {
      scopes: merged,
      scopes_granted: merged.join(' '),
      granted_at: grant.grantedAt,
      tokens: grant.tokens.map((t) => ({ ...t })),
    };
  }

  /** The grantee's active grants, in grant order: each app's id and its scopes. */
  *activeOf(granteeId: string): Generator<{ connectedAppId: string; scopes: readonly string[] }> {
    for (const [connectedAppId, grant] of this.#grants.get(granteeId) ?? []) {
      yield { connectedAppId, scopes: grant.scopes };
    }
  }

  /** The scopes of the grantee's active grant of the app, if there is one. */
  scopesOf(granteeId: string, connectedAppId: string): readonly string[] | undefined {
    return this.#grants.get(granteeId)?.get(connectedAppId)?.scopes;
  }

  /** Removes the grant and revokes every token it issued; `false` when there was no active grant. */
  revoke(granteeId: string, connectedAppId: string): boolean {
    const byApp = this.#grants.get(granteeId);
    const grant = byApp?.get(connectedAppId);
    if (!byApp || !grant) return false;
    byApp.delete(connectedAppId);
    const revokedAt = stytchTime();
    for (const token of grant.tokens) {
      token.revoked = true;
      token.revoked_at = revokedAt;
    }
    return true;
  }

  /** Every token the grantee's grants of the app issued, revoked or not. */
  tokensOf(granteeId: string, connectedAppId: string): TokensResponse {
    return {
      tokens: (this.#tokens.get(tokenKey(granteeId, connectedAppId)) ?? []).map((t) => ({ ...t })),
      grant_active: this.#grants.get(granteeId)?.has(connectedAppId) ?? false,
    };
  }

  #issueToken(type: TokenRecord['type']): TokenRecord {
    return {
      token_id: this.#newId(type === 'access' ? 'access-token' : 'refresh-token'),
      type,
      revoked: false,
      revoked_at: null,
    };
  }
}

function tokenKey(granteeId: string, connectedAppId: string): string {
  return `${granteeId}\n${connectedAppId}`;
}
