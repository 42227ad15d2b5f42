/**
 * `@connected-apps/contracts`: the pact between `@connected-apps/react` and its backend, and a
 * verification of any backend against it (`verifyBackend`, the `connected-apps-contracts` CLI).
 */
export { PACT_FILE, PACT_PARTICIPANTS, SESSION_PLACEHOLDER } from './pact-file.ts';
export type { ProviderStateRequest } from './provider-states.ts';
export { type Mismatch, VerificationFailedError } from './verification-failure.ts';
export { type VerifyBackendOptions, verifyBackend } from './verify-backend.ts';
