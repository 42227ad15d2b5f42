import { rmSync } from 'node:fs';
import { PactV4 } from '@pact-foundation/pact';
import { pactLogLevel } from './log-level.ts';
import { PACTS_DIR, pactFilePath } from './pact-files.ts';

/**
 * A V4 consumer pact writing to `pact/pacts/`. Pact merges interactions into an existing file, so the
 * consumer's file is deleted first: a renamed or removed interaction must not linger in the contract.
 */
export function createConsumerPact(consumer: string, provider: string): PactV4 {
  rmSync(pactFilePath(consumer, provider), { force: true });
  return new PactV4({ consumer, provider, dir: PACTS_DIR, logLevel: pactLogLevel() });
}
