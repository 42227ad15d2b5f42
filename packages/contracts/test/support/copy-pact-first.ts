import { copyPact } from '../../scripts/copy-pact.ts';

/** Vitest global setup: the package reads its packaged pact, which the build (and this) copies in. */
export default function setup(): void {
  copyPact();
}
