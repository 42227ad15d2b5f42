import { fileURLToPath } from 'node:url';

/** `pact/pacts/`: where consumer tests write their pacts and verifications read them (committed). */
export const PACTS_DIR = fileURLToPath(new URL('../pacts/', import.meta.url));

/** Pact's own file naming: `<consumer>-<provider>.json`. */
export function pactFilePath(consumer: string, provider: string): string {
  return `${PACTS_DIR}${consumer}-${provider}.json`;
}

/** `pact/openapi/stytch-api.yaml`: Stytch's OpenAPI description of the operations we use. */
export const STYTCH_OPENAPI = fileURLToPath(new URL('../openapi/stytch-api.yaml', import.meta.url));
