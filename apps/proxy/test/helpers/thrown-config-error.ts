import { ConfigError } from '../../src/config/config-error.ts';

/**
 * The `ConfigError` that `run` throws. Any other error is thrown on; a configuration `run` accepts
 * fails the test.
 *
 * @example
 * expect(thrownConfigError(() => loadConfig({})).issues).toHaveLength(2);
 */
export function thrownConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}
