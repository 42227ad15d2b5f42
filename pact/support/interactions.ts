import type { PactV4, TemplateHeaders } from '@pact-foundation/pact';
import { matching } from './matchers.ts';

// Pact's builder function types, which its package entry does not export.
type Interaction = ReturnType<PactV4['addInteraction']>;
type V4RequestBuilderFunc = NonNullable<Parameters<Interaction['withRequest']>[2]>;
type V4ResponseBuilderFunc = NonNullable<
  Parameters<ReturnType<Interaction['withRequest']>['willRespondWith']>[1]
>;

/** `Content-Type: application/json`, matched as a prefix (a charset may follow). */
export const JSON_CONTENT = { 'Content-Type': matching('^application/json', 'application/json') };

/** A request with these headers and no body (a GET). */
export const withHeaders =
  (headers: TemplateHeaders): V4RequestBuilderFunc =>
  (req) => {
    req.headers(headers);
  };

/** A JSON request with these headers and the `{}` body every revoke sends. */
export const jsonRequest =
  (headers: TemplateHeaders = {}): V4RequestBuilderFunc =>
  (req) => {
    req.headers({ ...headers, ...JSON_CONTENT }).jsonBody({});
  };

/** A JSON answer with this body (and any further headers). */
export const jsonAnswer =
  (body: unknown, headers: TemplateHeaders = {}): V4ResponseBuilderFunc =>
  (res) => {
    res.headers({ ...JSON_CONTENT, ...headers }).jsonBody(body);
  };
