import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From the module's own path (a string: under jsdom, `URL` is jsdom's, which node:url does not accept).
const PACT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `pact/pacts/`: where consumer tests write their pacts and verifications read them (committed). */
export const PACTS_DIR = join(PACT_ROOT, 'pacts');

/** Pact's own file naming: `<consumer>-<provider>.json`. */
export function pactFilePath(consumer: string, provider: string): string {
  return join(PACTS_DIR, `${consumer}-${provider}.json`);
}

/** `pact/openapi/stytch-api.yaml`: Stytch's OpenAPI description of the operations we use. */
export const STYTCH_OPENAPI = join(PACT_ROOT, 'openapi', 'stytch-api.yaml');

/** `pact/openapi/stytch-b2b-api.yaml`: Stytch's OpenAPI description of the B2B operations we use. */
export const STYTCH_B2B_OPENAPI = join(PACT_ROOT, 'openapi', 'stytch-b2b-api.yaml');
