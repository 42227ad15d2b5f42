import type { Hono } from 'hono';
import type {
  MemberGrantInput,
  MemberInput,
  MintedMemberSession,
  OrganizationInput,
  RbacPolicyInput,
} from '../b2b-types.ts';
import { EmulatorInputError } from '../domain/input-error.ts';
import { DEFAULT_SESSION_LIFETIME_SECONDS } from '../domain/sessions.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClaimsOverride } from '../types.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { readJsonObject } from './read-json.ts';

/**
 * The control API's B2B routes and project settings, under `/_emulator` like the rest: organizations,
 * members, member grants and their tokens, member sessions, the RBAC policy at run time, and the
 * project's custom domain.
 */
export function addB2BControlRoutes(control: Hono<EmulatorEnv>, state: EmulatorState): void {
  control.post('/organizations', async (c) =>
    c.json(
      state.organizations.upsertOrganization((await readJsonObject(c)) as unknown as OrganizationInput),
      201,
    ),
  );
  control.post('/members', async (c) =>
    c.json(state.organizations.upsertMember((await readJsonObject(c)) as unknown as MemberInput), 201),
  );
  control.post('/member_grants', async (c) =>
    c.json(state.organizations.grant((await readJsonObject(c)) as unknown as MemberGrantInput), 201),
  );
  control.get(
    '/organizations/:organization_id/members/:member_id/connected_apps/:connected_app_id/tokens',
    (c) =>
      c.json(
        state.organizations.tokensOf(
          c.req.param('organization_id'),
          c.req.param('member_id'),
          c.req.param('connected_app_id'),
        ),
      ),
  );

  control.post('/member_sessions', async (c) => {
    const body = await readJsonObject(c);
    const organization = state.organizations.findOrganization(String(body.organization_id));
    if (!organization)
      throw new EmulatorInputError(
        'organization_not_found',
        `No organization ${String(body.organization_id)}.`,
      );
    const member = state.organizations.findMember(organization, String(body.member_id));
    if (!member) throw new EmulatorInputError('member_not_found', `No member ${String(body.member_id)}.`);
    const { roles, lifetime, override } = sessionOptions(body);
    const claim = body.organization_claim_override ?? {};
    if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) {
      throw new EmulatorInputError('bad_request', 'organization_claim_override must be an object.');
    }
    const { session, token } = state.memberSessions.start(member, organization, roles, lifetime);
    const minted: MintedMemberSession = {
      member_session_id: session.member_session_id,
      member_id: member.member_id,
      organization_id: organization.organization_id,
      session_token: token,
      session_jwt: await state.jwt.signMember(session, {
        override: withIssuer(state, override, body.issuer),
        organization: {
          organization_id: organization.organization_id,
          slug: organization.organization_slug,
          ...(claim as Record<string, string>),
        },
      }),
      expires_at: session.expires_at,
    };
    return c.json(minted, 201);
  });

  control.get('/rbac/policy', (c) => c.json({ policy: state.rbac.policy }));
  control.post('/rbac/policy', async (c) =>
    c.json({ policy: state.rbac.set((await readJsonObject(c)) as RbacPolicyInput) }),
  );

  control.get('/project', (c) => c.json({ ...state.project }));
  control.post('/project', async (c) => {
    const body = await readJsonObject(c);
    return c.json(state.configureProject(body as { custom_domain?: string | null }));
  });
}

/** The options both session mints take: extra roles, lifetime, forced JWT claims. */
export function sessionOptions(body: Record<string, unknown>): {
  roles: string[];
  lifetime: number;
  override: ClaimsOverride;
} {
  const roles = body.roles ?? [];
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string')) {
    throw new EmulatorInputError('bad_request', 'roles must be a list of strings.');
  }
  const lifetime = body.lifetime_seconds ?? DEFAULT_SESSION_LIFETIME_SECONDS;
  if (typeof lifetime !== 'number' || !(lifetime > 0)) {
    throw new EmulatorInputError('bad_request', 'lifetime_seconds must be a positive number.');
  }
  const override = body.claims_override ?? {};
  if (typeof override !== 'object' || override === null || Array.isArray(override)) {
    throw new EmulatorInputError('bad_request', 'claims_override must be an object.');
  }
  return { roles: roles as string[], lifetime, override: override as ClaimsOverride };
}

/**
 * The claims of a minted JWT with its `issuer` choice applied: `custom_domain` makes `iss` the
 * project's custom domain (an error when the project has none); an explicit `claims_override.iss` wins.
 */
export function withIssuer(state: EmulatorState, override: ClaimsOverride, issuer: unknown): ClaimsOverride {
  if (issuer === undefined || issuer === 'stytch') return override;
  if (issuer !== 'custom_domain')
    throw new EmulatorInputError('bad_request', 'issuer must be "stytch" or "custom_domain".');
  const domain = state.project.custom_domain;
  if (domain === null) {
    throw new EmulatorInputError(
      'bad_request',
      'issuer "custom_domain" needs a custom domain: set one with POST /_emulator/project.',
    );
  }
  return { iss: domain, ...override };
}
