import { readFileSync } from 'node:fs';
import { PACT_FILE } from '../../src/pact-file.ts';

/** One interaction of a V4 pact, as far as these tests read it. */
export interface PactInteraction {
  description: string;
  providerStates: { name: string; params?: Record<string, unknown> }[];
  request: { method: string; path: string; headers?: Record<string, string[]> };
}

/** The interactions of the pact the package ships (its packaged copy). */
export function readPactInteractions(file = PACT_FILE): PactInteraction[] {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: Partial<PactInteraction>[] };
  return pact.interactions.map((i) => ({
    description: i.description ?? '',
    providerStates: i.providerStates ?? [],
    request: i.request ?? { method: '', path: '' },
  }));
}
