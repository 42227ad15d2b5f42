import type { ProxyApp } from '../app/assemble-proxy.ts';
import { ConfigError } from '../config/config-error.ts';
import { DEFAULT_ERROR_DOCS_URL } from '../errors/error-catalog.ts';
import { createErrorExit } from '../errors/error-exit.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import { createEdgeLogger } from '../logging/edge-logger.ts';
import { createRequestLog } from '../logging/request-log.ts';
import { createCorsPolicy } from '../pipeline/cors-policy.ts';
import { createResponder } from '../pipeline/respond.ts';
import { createFetchHandler, type FetchHandler } from './fetch-handler.ts';

/** A Worker's `env`: its vars and secrets are strings; other bindings (KV, queues…) are objects. */
export type WorkerEnv = Readonly<Record<string, unknown>>;

/** A Worker's module export: `export default createProxyWorker()`. */
export interface ProxyWorker {
  fetch(request: Request, env: WorkerEnv, ctx?: unknown): Promise<Response>;
}

/** Builds the proxy from a Worker's string values (vars and secrets) and, for other bindings, its whole `env`. */
export type BuildProxy = (vars: Record<string, string>, env: WorkerEnv) => ProxyApp;

/**
 * The Worker shape around the proxy: on the isolate's first request `build` gets the `env`'s string
 * values (vars and secrets) and the proxy it returns answers every later request of that isolate.
 * `env` is fixed for an isolate's life (a changed var or secret is a new deployment, with new
 * isolates), so neither a built proxy nor a failed build is ever redone.
 *
 * A configuration that cannot be loaded answers every request with the Stytch-shaped 500
 * `configuration_invalid` (any other failure to build: `internal_server_error`) through the proxy's
 * one error exit, and each of those requests logs the cause at `error` (the variables at fault, never a
 * value): a Worker cannot refuse to start as a Node process does.
 *
 * @example
 * export default createWorkerHandler((vars) => createProxyApp(loadConfig(vars)));
 */
export function createWorkerHandler(build: BuildProxy): ProxyWorker {
  let handler: FetchHandler | undefined;
  return {
    fetch(request, env) {
      handler ??= buildOrRefuse(build, env);
      // `env` is not passed on: the fetch adapter reads it as `@hono/node-server`'s bindings.
      return handler(request);
    },
  };
}

function buildOrRefuse(build: BuildProxy, env: WorkerEnv): FetchHandler {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  try {
    return build(vars, env).fetch;
  } catch (cause) {
    const type = cause instanceof ConfigError ? 'configuration_invalid' : 'internal_server_error';
    const refusal = new ProxyError(type, { cause });
    const exit = createErrorExit(DEFAULT_ERROR_DOCS_URL, createResponder(createCorsPolicy([])));
    return createFetchHandler(
      (exchange) => exit(exchange, refusal),
      createRequestLog(createEdgeLogger('info')),
    );
  }
}
