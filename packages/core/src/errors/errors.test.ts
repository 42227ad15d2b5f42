import { describe, expect, it } from 'vitest';
import { AbortError, isAbortError } from './abort-error.ts';
import { ConnectedAppsError, isConnectedAppsError } from './connected-apps-error.ts';
import { InvalidRequestError, isInvalidRequestError } from './invalid-request-error.ts';
import { InvalidResponseError, isInvalidResponseError } from './invalid-response-error.ts';
import { isNetworkError, NetworkError } from './network-error.ts';
import { isStytchApiError, StytchApiError } from './stytch-api-error.ts';
import { isTimeoutError, TimeoutError } from './timeout-error.ts';

const seed404 = {
  status_code: 404,
  request_id: 'request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141',
  error_type: 'connected_app_not_found',
  error_message: 'Connected app not found.',
  error_url: 'https://stytch.com/docs/api/errors/404',
};

const samples = () =>
  [
    [new StytchApiError(seed404), StytchApiError, isStytchApiError],
    [
      new NetworkError({ request_id: 'local-1', error_message: 'No response.' }),
      NetworkError,
      isNetworkError,
    ],
    [new TimeoutError({ request_id: 'local-1', error_message: 'Slow.' }), TimeoutError, isTimeoutError],
    [new AbortError({ request_id: 'local-1' }), AbortError, isAbortError],
    [
      new InvalidRequestError({ request_id: 'local-1', error_message: 'Bad.', field: 'user_id' }),
      InvalidRequestError,
      isInvalidRequestError,
    ],
    [
      new InvalidResponseError({
        status_code: 502,
        request_id: 'local-1',
        error_message: 'HTML.',
        error_details: { content_type: 'text/html', body_snippet: '<html>' },
      }),
      InvalidResponseError,
      isInvalidResponseError,
    ],
  ] as const;

/** A second, independent instance of a module (a query string makes it a different module), like a second bundle. */
function importCopy<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ `${new URL(specifier, import.meta.url).href}?copy`);
}

describe('error classes', () => {
  it('reads like a sentence: type (status): message [request_id]', () => {
    const error = new StytchApiError(seed404);
    expect(error.message).toBe(
      'connected_app_not_found (404): Connected app not found. [request_id: request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141]',
    );
    expect(String(error)).toBe(`StytchApiError: ${error.message}`);
    expect(new AbortError({ request_id: 'local-1' }).message).toBe(
      'aborted: The request was aborted by the caller. [request_id: local-1]',
    );
  });

  it('serializes to exactly the Stytch shape', () => {
    expect(JSON.parse(JSON.stringify(new StytchApiError(seed404)))).toEqual(seed404);
    expect(
      new InvalidRequestError({ request_id: 'local-1', error_message: 'Bad.', field: 'user_id' }).toJSON(),
    ).toEqual({
      status_code: 0,
      request_id: 'local-1',
      error_type: 'invalid_request',
      error_message: 'Bad.',
      error_url: 'https://www.npmjs.com/package/@connected-apps/core#errors',
      error_details: { field: 'user_id' },
    });
  });

  it.each(samples().map((s) => [s[0].name, ...s] as const))(
    '%s: instanceof, isInstance and its guard agree, and only for itself',
    (_name, error, Class, guard) => {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(ConnectedAppsError);
      expect(error).toBeInstanceOf(Class);
      expect(isConnectedAppsError(error) && guard(error) && Class.isInstance(error)).toBe(true);
      for (const [other, OtherClass, otherGuard] of samples()) {
        if (OtherClass === Class) continue;
        expect(error instanceof OtherClass).toBe(false);
        expect(otherGuard(error)).toBe(false);
        expect(guard(other)).toBe(false);
      }
    },
  );

  it('recognizes errors from another copy of the package (another bundle)', async () => {
    const copy: typeof import('./stytch-api-error.ts') = await importCopy('./stytch-api-error.ts');
    expect(copy.StytchApiError).not.toBe(StytchApiError);
    const foreign = new copy.StytchApiError(seed404);
    expect(foreign instanceof StytchApiError).toBe(true);
    expect(foreign instanceof ConnectedAppsError).toBe(true);
    expect(isStytchApiError(foreign)).toBe(true);
    expect(foreign instanceof NetworkError).toBe(false);

    const baseCopy: typeof import('./connected-apps-error.ts') =
      await importCopy('./connected-apps-error.ts');
    const foreignBase = new baseCopy.ConnectedAppsError({ ...seed404, retryable: false });
    expect(foreignBase instanceof ConnectedAppsError).toBe(true);
    expect(isConnectedAppsError(foreignBase)).toBe(true);
    expect(isStytchApiError(foreignBase)).toBe(false);
  });

  it('does not take plain objects for errors', () => {
    expect(isConnectedAppsError({ ...seed404, name: 'StytchApiError' })).toBe(false);
    expect(isStytchApiError(new Error('x'))).toBe(false);
    expect((null as unknown) instanceof ConnectedAppsError).toBe(false);
  });
});
