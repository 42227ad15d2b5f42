/** A Stytch API request as the emulator logged it. */
export interface LoggedUpstreamRequest {
  method: string;
  path: string;
  authorized: boolean;
}

const REVOKE = /^\/v1\/users\/([^/?#]+)\/connected_apps\/([^/?#]+)\/revoke$/;
const LIST = /^\/v1\/users\/([^/?#]+)\/connected_apps$/;

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Everything wrong with the requests the proxy sent upstream: a path outside the two forwarding
 * shapes (plus the session endpoints the proxy itself needs), a dot segment, a `user_id` other than
 * one the caller holds a valid credential for, or missing Basic credentials.
 */
export function upstreamRequestProblems(
  requests: LoggedUpstreamRequest[],
  allowedUsers: readonly string[],
  projectId: string,
): string[] {
  const problems: string[] = [];
  for (const { method, path, authorized } of requests) {
    const where = `${method} ${path.slice(0, 160)}`;
    if (!authorized) problems.push(`sent without valid Basic auth: ${where}`);
    if (method === 'GET' && path === `/v1/sessions/jwks/${projectId}`) continue;
    if (method === 'POST' && path === '/v1/sessions/authenticate') continue;
    const match =
      (method === 'POST' && REVOKE.exec(path)) ||
      ((method === 'GET' || method === 'HEAD') && LIST.exec(path));
    if (!match) {
      problems.push(`path outside the allowed shapes: ${where}`);
      continue;
    }
    const [userId, appId] = [match[1]!, match[2]].map((s) => (s === undefined ? undefined : decoded(s)));
    if (userId === undefined || (match[2] !== undefined && appId === undefined)) {
      problems.push(`undecodable path parameter: ${where}`);
    } else if (['.', '..'].includes(userId) || (appId !== undefined && ['.', '..'].includes(appId))) {
      problems.push(`dot segment forwarded: ${where}`);
    } else if (!allowedUsers.includes(userId)) {
      problems.push(`acted on a user the caller holds no credential for: ${where}`);
    }
  }
  return problems;
}
