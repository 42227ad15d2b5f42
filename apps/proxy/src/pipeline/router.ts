import { templateParams } from '@connected-apps/core/wire';
import type { ApiRoute, Route } from './route.ts';

/** A route and the raw path's parameters, decoded once (`%2e%2e` → `..`), not yet checked. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** What {@link createRouter} routes to. */
export interface RouterOptions {
  /** Prefix of the Stytch-shaped routes, `''` for none. */
  basePath: string;
  /** Exact paths outside the base path answered to GET and HEAD (`/healthz`, `/readyz`). */
  probes: Readonly<Record<string, Route>>;
  /** Stytch path templates under the base path (`/api/v1/users/{user_id}/connected_apps`). */
  api: readonly ApiRoute[];
  /** Any OPTIONS request with an `Origin` under the base path. */
  preflight: Route;
  /** Anything else under the base path. */
  apiMiss: Route;
  /** Anything else. */
  miss: Route;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Routes a path exactly as sent: each template becomes one anchored regular expression whose
 * parameters match whole segments (`[^/]*`), so `..`, an encoded slash or a double encoding stays
 * inside a parameter, where the path-parameter check refuses it, and can never select another route.
 * Methods are the routes' own checks (405 with `Allow`), so a path matches one route whatever the method.
 *
 * Hand-written rather than Hono's `RegExpRouter`: there are two fixed templates, and its
 * index-encoded match result takes more code to read than these few lines take to match.
 *
 * @example
 * const route = createRouter({ basePath: '/api', probes, api, preflight, apiMiss, miss });
 * route('GET', '/api/v1/users/user-test-1/connected_apps', false).params.user_id; // 'user-test-1'
 */
export function createRouter(
  options: RouterOptions,
): (method: string, path: string, hasOrigin: boolean) => RouteMatch {
  const { basePath } = options;
  const probes = new Map(
    Object.entries(options.probes).map(([path, route]) => [path, { route, params: NO_PARAMS }]),
  );
  const api = options.api.map(({ template, route }) => ({ route, ...compileTemplate(template) }));
  const preflight = { route: options.preflight, params: NO_PARAMS };
  const apiMiss = { route: options.apiMiss, params: NO_PARAMS };
  const miss = { route: options.miss, params: NO_PARAMS };
  const underBase = (path: string) => basePath === '' || path === basePath || path.startsWith(`${basePath}/`);

  return (method, path, hasOrigin) => {
    const probe = probes.get(path);
    if (probe !== undefined && (method === 'GET' || method === 'HEAD')) return probe;
    if (!underBase(path)) return miss;
    if (method === 'OPTIONS' && hasOrigin) return preflight;
    for (const { route, regex, names } of api) {
      const found = regex.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) params[names[i] as string] = decodeParam(found[i + 1] as string);
      return { route, params };
    }
    return apiMiss;
  };
}

function compileTemplate(template: string): { regex: RegExp; names: string[] } {
  const literal = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return { regex: new RegExp(`^${literal.join('([^/]*)')}$`), names: templateParams(template) };
}

// A malformed escape stays as sent: its `%` makes the path-parameter check refuse it.
function decodeParam(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
