/** The names each pact is written under: a consumer and its provider, as a Pact Broker would know them. */
export const REACT_CONSUMER = 'connected-apps-react';
export const PROXY = 'connected-apps-proxy';
export const STYTCH_API = 'stytch-api';
