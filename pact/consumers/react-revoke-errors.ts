import { isStytchApiError, type StytchApiError } from '@connected-apps/core';
import { expect } from 'vitest';
import {
  type Given,
  jsonAnswer,
  type RequestBuilder,
  type ResponseBuilder,
} from '../support/interactions.ts';
import { matching } from '../support/matchers.ts';
import { proxyError } from './react-proxy-shapes.ts';
import { stytchErrorBody } from './stytch-shapes.ts';

/**
 * The error answers of a revoke that the consumer and the B2B hooks both meet, each with what the
 * hook's typed error must then carry.
 */
export interface ErrorAnswer {
  status: number;
  answer: ResponseBuilder;
  /** Assertions on the hook's error, inside the interaction: a consumer that fails them writes no pact. */
  check: (error: StytchApiError) => void;
}

/** One revoke the proxy answers with an error, by a page on `Client` (the ids of whose app: each file's own). */
export interface RevokeErrorCase<Client> extends ErrorAnswer {
  given: ReadonlyArray<Given>;
  uponReceiving: string;
  /** What the page sends. @default the signed-in page's bearer revoke */
  request?: RequestBuilder;
  /** The client the page uses. @default signed in with the pact's fake session */
  clientFor?: (url: string) => Client;
}

/** The hook's settled error, which must be a typed Stytch-shaped one. */
export function stytchApiError(error: unknown): StytchApiError {
  expect(isStytchApiError(error)).toBe(true);
  return error as StytchApiError;
}

/** An error the proxy itself answers: the hook's error has its status and type (and `expected`). */
export function proxyErrorAnswer(
  status: number,
  error_type: string,
  expected: Partial<Pick<StytchApiError, 'retryable'>> = {},
): ErrorAnswer {
  return {
    status,
    answer: jsonAnswer(proxyError(status, error_type)),
    check: (error) => {
      expect(error).toMatchObject({ status_code: status, error_type, ...expected });
    },
  };
}

/** Stytch's 404 for an app never authorized, passed through with Stytch's request id. */
export const connectedAppNotFound: ErrorAnswer = {
  status: 404,
  answer: jsonAnswer(stytchErrorBody(404, 'connected_app_not_found')),
  check: (error) => {
    expect(error).toMatchObject({
      status_code: 404,
      error_type: 'connected_app_not_found',
      retryable: false,
    });
    expect(error.request_id).toMatch(/^request-id-test-/);
  },
};

/** The proxy's 429 with the delay in `Retry-After` (seconds), which the hook's error carries in ms. */
export const rateLimited: ErrorAnswer = {
  status: 429,
  answer: jsonAnswer(proxyError(429, 'too_many_requests'), {
    'Retry-After': matching('^[1-9][0-9]*$', '30'),
  }),
  check: (error) => {
    expect(error).toMatchObject({ status_code: 429, error_type: 'too_many_requests', retryable: true });
    expect(error.retryAfter).toBe(30_000);
  },
};
