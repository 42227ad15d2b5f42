import { describe, expect, it } from 'vitest';
import type { Route } from './route.ts';
import { createRouter } from './router.ts';

const route = (pattern: string): Route => ({
  pattern,
  cors: true,
  checks: [],
  answer: () => undefined as never,
});
const routes = {
  list: route('list'),
  revoke: route('revoke'),
  healthz: route('healthz'),
  preflight: route('preflight'),
  apiMiss: route('api miss'),
  miss: route('miss'),
};
const router = (basePath: string) =>
  createRouter({
    basePath,
    probes: { '/healthz': routes.healthz },
    api: [
      { template: `${basePath}/v1/users/{user_id}/connected_apps`, route: routes.list },
      {
        template: `${basePath}/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke`,
        route: routes.revoke,
      },
    ],
    preflight: routes.preflight,
    apiMiss: routes.apiMiss,
    miss: routes.miss,
  });

describe('createRouter', () => {
  const match = router('/api');

  it('matches each template whatever the method, with its parameters', () => {
    expect(match('GET', '/api/v1/users/user-test-1/connected_apps', false)).toEqual({
      route: routes.list,
      params: { user_id: 'user-test-1' },
    });
    expect(match('DELETE', '/api/v1/users/u/connected_apps/app-1/revoke', false)).toEqual({
      route: routes.revoke,
      params: { user_id: 'u', connected_app_id: 'app-1' },
    });
  });

  it('decodes each parameter once, so encodings end up inside it for the parameter check', () => {
    expect(match('GET', '/api/v1/users/%2e%2e/connected_apps', false).params).toEqual({ user_id: '..' });
    expect(match('GET', '/api/v1/users/a%2Fb/connected_apps', false).params).toEqual({ user_id: 'a/b' });
    expect(match('GET', '/api/v1/users/a%252Fb/connected_apps', false).params).toEqual({ user_id: 'a%2Fb' });
    expect(match('GET', '/api/v1/users/a%E0%A4b/connected_apps', false).params).toEqual({
      user_id: 'a%E0%A4b',
    });
    expect(match('GET', '/api/v1/users//connected_apps', false).params).toEqual({ user_id: '' });
  });

  it('never resolves dot segments: a path with .. matches no route', () => {
    expect(match('GET', '/api/v1/users/me/../victim/connected_apps', false).route).toBe(routes.apiMiss);
    expect(match('POST', '/api/v1/users/u/connected_apps/a/revoke/../../b/revoke', false).route).toBe(
      routes.apiMiss,
    );
  });

  it('matches literal segments exactly as sent (no decoding, no trailing slash)', () => {
    expect(match('GET', '/api/v1/users/u/connected%5Fapps', false).route).toBe(routes.apiMiss);
    expect(match('GET', '/api/v1/users/u/connected_apps/', false).route).toBe(routes.apiMiss);
  });

  it('answers probes to GET and HEAD only, and preflights anywhere under the base path', () => {
    expect(match('HEAD', '/healthz', false).route).toBe(routes.healthz);
    expect(match('POST', '/healthz', false).route).toBe(routes.miss);
    expect(match('OPTIONS', '/api/anything', true).route).toBe(routes.preflight);
    expect(match('OPTIONS', '/api/anything', false).route).toBe(routes.apiMiss);
    expect(match('OPTIONS', '/elsewhere', true).route).toBe(routes.miss);
    expect(match('GET', '/apiary', false).route).toBe(routes.miss);
  });

  it('serves everything under an empty base path, probes first', () => {
    const root = router('');
    expect(root('GET', '/v1/users/u/connected_apps', false).route).toBe(routes.list);
    expect(root('GET', '/healthz', false).route).toBe(routes.healthz);
    expect(root('GET', '/nope', false).route).toBe(routes.apiMiss);
  });
});
