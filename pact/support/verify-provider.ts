import { Verifier, type VerifierOptions } from '@pact-foundation/pact';

interface VerificationReport {
  errors?: Array<{
    interaction?: string;
    mismatch?: { mismatches?: Array<{ path?: string; mismatch?: string }>; message?: string };
  }>;
}

/**
 * Runs Pact's verifier and, when it fails, rejects with one line per mismatch
 * (`<interaction>: <path> <what differs>`) instead of the verifier's whole JSON report.
 */
export async function verifyProvider(options: VerifierOptions): Promise<void> {
  try {
    await new Verifier(options).verifyProvider();
  } catch (error) {
    // Not chained as `cause`: the verifier's JSON report would be printed in full under the summary.
    throw new Error(summarize(error));
  }
}

/**
 * How Pact's verifier names an interaction in a failure: the pact, the interaction's provider states
 * in order, and its description.
 */
export function asReported(
  [consumer, provider]: readonly [string, string],
  states: ReadonlyArray<string>,
  description: string,
): string {
  const given = states.length > 0 ? ` Given ${states.join(' And ')}` : '';
  return `Verifying a pact between ${consumer} and ${provider}${given} - ${description}`;
}

function summarize(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let report: VerificationReport;
  try {
    report = JSON.parse(message) as VerificationReport;
  } catch {
    return message;
  }
  const lines = (report.errors ?? []).flatMap(({ interaction = '?', mismatch }) => {
    const details = mismatch?.mismatches?.map((m) => `${m.path ?? ''} ${m.mismatch ?? ''}`.trim());
    return (details?.length ? details : [mismatch?.message ?? 'failed']).map((d) => `${interaction}: ${d}`);
  });
  return lines.length > 0 ? `Provider verification failed:\n${lines.join('\n')}` : message;
}
