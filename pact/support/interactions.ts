import { MatchersV3, type PactV4, type TemplateHeaders } from '@pact-foundation/pact';
import { basicAuth, FAKE_SESSION_TOKEN, matching } from './matchers.ts';

// Pact's own types for these, which its package entry does not export.
type Interaction = ReturnType<PactV4['addInteraction']>;
/** Builds an interaction's request (headers, body). */
export type RequestBuilder = NonNullable<Parameters<Interaction['withRequest']>[2]>;
/** Builds an interaction's answer (headers, body). */
export type ResponseBuilder = NonNullable<
  Parameters<ReturnType<Interaction['withRequest']>['willRespondWith']>[1]
>;

/** A provider state and its parameters. */
export type Given = readonly [state: string, params?: Record<string, string>];

/** The interaction, given each provider state in order. */
export function withStates(interaction: Interaction, given: ReadonlyArray<Given>): Interaction {
  return given.reduce((next, [state, params]) => next.given(state, params), interaction);
}

/** `Content-Type: application/json`, matched as a prefix (a charset may follow). */
export const JSON_CONTENT = { 'Content-Type': matching('^application/json', 'application/json') };

/** A request with these headers and no body (a GET). */
export const withHeaders =
  (headers: TemplateHeaders): RequestBuilder =>
  (req) => {
    req.headers(headers);
  };

/** A JSON request with these headers and the `{}` body every revoke sends. */
export const jsonRequest =
  (headers: TemplateHeaders = {}): RequestBuilder =>
  (req) => {
    req.headers({ ...headers, ...JSON_CONTENT }).jsonBody({});
  };

/** A JSON answer with this body (and any further headers). */
export const jsonAnswer =
  (body: unknown, headers: TemplateHeaders = {}): ResponseBuilder =>
  (res) => {
    res.headers({ ...JSON_CONTENT, ...headers }).jsonBody(body);
  };

/**
 * A sessions/authenticate call (consumer or B2B) as the proxy makes it: Basic auth and `{ session_token }`.
 * @default the live token the provider state gives (`${session_token}`); the pact holds only the fake.
 */
export const authenticateRequest =
  (
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Pact's provider-state expression, not a template
    session_token: unknown = MatchersV3.fromProviderState('${session_token}', FAKE_SESSION_TOKEN),
  ): RequestBuilder =>
  (req) => {
    req.headers({ Authorization: basicAuth(), ...JSON_CONTENT }).jsonBody({ session_token });
  };
