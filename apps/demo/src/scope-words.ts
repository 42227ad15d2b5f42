/** The demo apps' own scopes, in words; OIDC's (openid, email, profile, offline_access) come with the component. */
export const scopeWords: Record<string, string> = {
  'read:projects': 'See your projects',
  'write:deployments': 'Ship releases to your environments',
  'read:analytics': 'See your workspace analytics',
};
