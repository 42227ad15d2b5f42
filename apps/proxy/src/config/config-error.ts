/** One environment variable (from `resolveConfig`: one field) that is missing or invalid, and why. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/**
 * Thrown by `loadConfig` when the environment is unusable, and by `resolveConfig` for an object. Lists
 * every bad variable at once so an operator fixes them in one pass; values of secrets are never echoed.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid proxy configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues
        .map((issue) => `  - ${issue.variable}: ${issue.message}`)
        .join('\n')}`,
    );
    this.issues = issues;
  }
}
