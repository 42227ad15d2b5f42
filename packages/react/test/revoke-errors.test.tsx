import {
  type ConnectedAppsClient,
  createProxyClient,
  InvalidResponseError,
  isConnectedAppsError,
  isInvalidRequestError,
  isNetworkError,
  isStytchApiError,
  StytchApiError,
  TimeoutError,
} from '@connected-apps/core';
import {
  countRequests,
  type FaultEffect,
  injectRevokeFault,
  mintExpiredSessionJwt,
  stytchRevokePath,
  withTamperedSignature,
} from '@connected-apps/testkit';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type RevokeVariables, useConnectedApps, useRevokeConnectedApp } from '../src/index.ts';
import { providerWrapper } from './support/render.tsx';
import {
  control,
  crossSiteCookieClient,
  emulatorUrl,
  proxyApiUrl,
  proxyClient,
  type SeededUser,
  seedUser,
} from './support/stack.ts';

interface ErrorCase {
  name: string;
  /** Prepares the failure; returns the client and variables to revoke with. */
  arrange: (
    user: SeededUser,
  ) => Promise<{ client: ConnectedAppsClient; connected_app_id: string; user_id?: string }>;
  expected: { status_code: number; error_type: string };
  /** Whether the revoke must not have reached the emulator. */
  stoppedBeforeStytch?: boolean;
}

const unknownAppId = 'connected-app-test-00000000-0000-4000-8000-000000000000';

/** A revoke of the user's own app, sent through the client `clientFor` makes. */
const through =
  (
    clientFor: (user: SeededUser) => ConnectedAppsClient | Promise<ConnectedAppsClient>,
  ): ErrorCase['arrange'] =>
  async (user) => ({ client: await clientFor(user), connected_app_id: user.apps[0]!.connected_app_id });

/** A revoke of the user's own app, which the emulator answers with `effect`. */
const whenStytchAnswers =
  (effect: FaultEffect): ErrorCase['arrange'] =>
  async (user) => {
    const connected_app_id = user.apps[0]!.connected_app_id;
    await injectRevokeFault(control, user.user_id, connected_app_id, effect);
    return { client: user.client, connected_app_id };
  };

const cases: ErrorCase[] = [
  {
    name: '403 user_forbidden when revoking another user’s app',
    arrange: async (user) => {
      const other = await seedUser(['Someone else’s app']);
      return {
        client: user.client,
        user_id: other.user_id,
        connected_app_id: other.apps[0]!.connected_app_id,
      };
    },
    expected: { status_code: 403, error_type: 'user_forbidden' },
    stoppedBeforeStytch: true,
  },
  {
    name: '404 connected_app_not_found for an unknown app',
    arrange: async (user) => ({ client: user.client, connected_app_id: unknownAppId }),
    expected: { status_code: 404, error_type: 'connected_app_not_found' },
  },
  {
    name: '401 session_required without a session',
    arrange: through(() => proxyClient()),
    expected: { status_code: 401, error_type: 'session_required' },
    stoppedBeforeStytch: true,
  },
  {
    name: '401 session_invalid for an expired session',
    arrange: through(async (user) => proxyClient(await mintExpiredSessionJwt(control, user.user_id))),
    expected: { status_code: 401, error_type: 'session_invalid' },
    stoppedBeforeStytch: true,
  },
  {
    name: '401 session_invalid for a session JWT with a tampered signature',
    arrange: through((user) => proxyClient(withTamperedSignature(user.session_jwt))),
    expected: { status_code: 401, error_type: 'session_invalid' },
    stoppedBeforeStytch: true,
  },
  {
    name: '403 origin_forbidden for a cookie-authenticated revoke from another site',
    // A live session: only the Origin is wrong.
    arrange: through((user) => crossSiteCookieClient(user.session_jwt)),
    expected: { status_code: 403, error_type: 'origin_forbidden' },
    stoppedBeforeStytch: true,
  },
  {
    name: '429 too_many_requests when Stytch rate-limits',
    arrange: whenStytchAnswers({ status: 429, retry_after: 1 }),
    expected: { status_code: 429, error_type: 'too_many_requests' },
  },
  {
    name: '500 internal_server_error passed through from Stytch',
    arrange: whenStytchAnswers({ status: 500 }),
    expected: { status_code: 500, error_type: 'internal_server_error' },
  },
  {
    name: '502 upstream_unavailable when Stytch drops the connection',
    arrange: whenStytchAnswers({ drop_connection: true }),
    expected: { status_code: 502, error_type: 'upstream_unavailable' },
  },
  {
    // The proxy does not pass a broken body on: the client gets the proxy's typed 502, not an InvalidResponseError.
    name: '502 upstream_invalid_response when Stytch answers malformed JSON',
    arrange: whenStytchAnswers({ malformed_json: true }),
    expected: { status_code: 502, error_type: 'upstream_invalid_response' },
  },
  {
    name: '504 upstream_timeout when Stytch answers too late',
    arrange: whenStytchAnswers({ latency_ms: 2500 }),
    expected: { status_code: 504, error_type: 'upstream_timeout' },
  },
];

/** Renders the hook with `client`, revokes, and returns the error the hook settles on. */
async function revokeError(client: ConnectedAppsClient, variables: RevokeVariables) {
  const { result } = renderHook(() => useRevokeConnectedApp({ client }));
  act(() => result.current.revoke(variables));
  await waitFor(() => expect(result.current.status).toBe('error'));
  return result.current.error;
}

describe('useRevokeConnectedApp errors', () => {
  it.each(cases)(
    'reports $name, typed and with its request id',
    async ({ arrange, expected, stoppedBeforeStytch }) => {
      const user = await seedUser(['Calendar Sync']);
      const { client, connected_app_id, user_id = user.user_id } = await arrange(user);
      const onError = vi.fn();
      const onSettled = vi.fn();
      const { result } = renderHook(() => useRevokeConnectedApp({ client, onError, onSettled }));

      const variables = { user_id, connected_app_id };
      act(() => result.current.revoke(variables));
      await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 5000 });

      const { error } = result.current;
      expect(isStytchApiError(error)).toBe(true);
      expect(error).toMatchObject(expected);
      expect(error?.request_id).toMatch(/\S/);
      expect(error?.error_url).toMatch(/^https?:\/\//);
      expect(result.current).toMatchObject({ isError: true, data: undefined, variables });
      expect(onError).toHaveBeenCalledExactlyOnceWith(error, variables);
      expect(onSettled).toHaveBeenCalledExactlyOnceWith(undefined, error, variables);
      if (stoppedBeforeStytch)
        expect(await countRequests(control, 'POST', stytchRevokePath(user_id, connected_app_id))).toBe(0);
    },
  );

  it('carries Retry-After on a 429 as milliseconds', async () => {
    const user = await seedUser(['Calendar Sync']);
    const connected_app_id = user.apps[0]!.connected_app_id;
    await injectRevokeFault(control, user.user_id, connected_app_id, { status: 429, retry_after: 2 });
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper: providerWrapper(user.client) });

    const rejection = await act(() =>
      result.current.revokeAsync({ user_id: user.user_id, connected_app_id }).catch((e) => e),
    );
    expect(rejection).toBeInstanceOf(StytchApiError);
    expect(rejection).toBe(result.current.error);
    expect((rejection as StytchApiError).retryAfter).toBe(2000);
  });

  it('keeps the app in the list when its revoke fails', async () => {
    const user = await seedUser(['Calendar Sync']);
    const connected_app_id = user.apps[0]!.connected_app_id;
    await injectRevokeFault(control, user.user_id, connected_app_id, { status: 500 });
    const wrapper = providerWrapper(user.client);
    const list = renderHook(() => useConnectedApps(user.user_id), { wrapper });
    const { result } = renderHook(() => useRevokeConnectedApp(), { wrapper });
    await waitFor(() => expect(list.result.current.data).toHaveLength(1));

    await act(() => result.current.revokeAsync({ user_id: user.user_id, connected_app_id }).catch(() => {}));
    expect(result.current.status).toBe('error');
    expect(list.result.current.data?.map((app) => app.connected_app_id)).toEqual([connected_app_id]);
  });

  it('reports a network error when the proxy cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const client = createProxyClient({ baseUrl: 'http://127.0.0.1:1/api', retry: false });
    const error = await revokeError(client, { user_id: 'user-test-x', connected_app_id: unknownAppId });
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ status_code: 0, error_type: 'network_error' });
    expect(error?.request_id).toMatch(/^local-/);
  });

  it('reports a timeout when the proxy answers later than the client waits', async () => {
    const user = await seedUser(['Calendar Sync']);
    const connected_app_id = user.apps[0]!.connected_app_id;
    // Below the proxy's 1500 ms upstream timeout, so only the client's 200 ms can end the wait.
    await injectRevokeFault(control, user.user_id, connected_app_id, { latency_ms: 1000 });
    const client = createProxyClient({
      baseUrl: proxyApiUrl,
      sessionJwt: user.session_jwt,
      timeout: 200,
      retry: false,
    });
    const error = await revokeError(client, { user_id: user.user_id, connected_app_id });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ status_code: 0, error_type: 'timeout' });
    expect(error?.request_id).toMatch(/^local-/);
  });

  it('reports an invalid response when a server in front of the proxy answers malformed JSON', async () => {
    // The proxy wraps a broken Stytch body in its own 502 (case above), so no proxy answer is ever
    // invalid. What the client must still handle is a gateway in between that answers garbage; the
    // emulator plays it here, reached directly, with a fault that cuts its JSON off mid-document.
    const user = await seedUser(['Calendar Sync']);
    const connected_app_id = user.apps[0]!.connected_app_id;
    await injectRevokeFault(control, user.user_id, connected_app_id, { status: 502, malformed_json: true });
    const client = createProxyClient({ baseUrl: emulatorUrl, retry: false });
    const error = await revokeError(client, { user_id: user.user_id, connected_app_id });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status_code: 502, error_type: 'invalid_response' });
    expect(error?.request_id).toMatch(/^local-/);
    expect(error?.error_details).toMatchObject({ content_type: 'application/json' });
    expect(await countRequests(control, 'POST', stytchRevokePath(user.user_id, connected_app_id))).toBe(1);
  });

  // No AbortError case: the hook takes no signal, and reset() lets a revoke in flight complete.

  it('reports an invalid request before sending anything', async () => {
    const user = await seedUser([]);
    const error = await revokeError(user.client, { user_id: user.user_id, connected_app_id: '' });
    expect(isInvalidRequestError(error)).toBe(true);
    expect(error).toMatchObject({ status_code: 0, error_type: 'invalid_request' });
  });

  it('wraps a failure of a hand-made client into a typed error', async () => {
    // A client written without core, whose fetch to a closed port rejects with a plain TypeError.
    const client: ConnectedAppsClient = {
      users: {
        revoke: async () => {
          await fetch('http://127.0.0.1:1/revoke', { method: 'POST' });
          return { request_id: 'never', status_code: 200 };
        },
        connectedApps: async () => ({ request_id: 'never', status_code: 200, connected_apps: [] }),
      },
    };
    const error = await revokeError(client, { user_id: 'user-test-x', connected_app_id: unknownAppId });
    expect(isConnectedAppsError(error)).toBe(true);
    expect(error).toMatchObject({
      status_code: 0,
      error_type: 'unexpected_error',
      retryable: false,
    });
    expect(error?.request_id).toMatch(/^local-/);
    expect(error?.cause).toBeInstanceOf(TypeError);
  });
});
