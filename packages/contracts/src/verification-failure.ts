/** One way the backend's answer differed from what an interaction of the pact expects. */
export interface Mismatch {
  /** The interaction as Pact's verifier names it: pact, provider states and description. */
  interaction: string;
  /** Where in the answer, e.g. `$.status_code` (body), `status`, a header name; empty when not given. */
  path: string;
  /** What differs, e.g. `Expected '200' (String) to be equal to 200 (Integer)`. */
  mismatch: string;
}

/** Thrown by `verifyBackend` when the backend does not honour the pact, or the verification could not run. */
export class VerificationFailedError extends Error {
  override readonly name = 'VerificationFailedError';
  /** Each mismatch Pact reported; empty when the verification could not run at all (see `message`). */
  readonly mismatches: readonly Mismatch[];

  constructor(message: string, mismatches: readonly Mismatch[] = []) {
    super(message);
    this.mismatches = mismatches;
  }
}

interface VerificationReport {
  errors?: Array<{
    interaction?: string;
    mismatch?: { mismatches?: Array<{ path?: string; mismatch?: string }>; message?: string };
  }>;
}

/**
 * The verifier's rejection as a {@link VerificationFailedError}: Pact's JSON report (its `errors`)
 * becomes one {@link Mismatch} per difference, so a caller reads fields instead of the whole report;
 * anything else (an unreachable backend, a bad option) keeps its message.
 */
export function toVerificationFailure(error: unknown): VerificationFailedError {
  const message = error instanceof Error ? error.message : String(error);
  let report: VerificationReport;
  try {
    report = JSON.parse(message) as VerificationReport;
  } catch {
    return new VerificationFailedError(message);
  }
  const mismatches = (report.errors ?? []).flatMap(({ interaction = '?', mismatch }) => {
    const details = mismatch?.mismatches ?? [];
    if (details.length === 0) return [{ interaction, path: '', mismatch: mismatch?.message ?? 'failed' }];
    return details.map((d) => ({ interaction, path: d.path ?? '', mismatch: d.mismatch ?? '' }));
  });
  if (mismatches.length === 0) return new VerificationFailedError(message);
  const lines = mismatches.map((m) => `${m.interaction}: ${`${m.path} ${m.mismatch}`.trim()}`);
  return new VerificationFailedError(
    `The backend does not honour the pact (${mismatches.length} mismatch${mismatches.length === 1 ? '' : 'es'}):\n${lines.join('\n')}`,
    mismatches,
  );
}
