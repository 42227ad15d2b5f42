import type { EmulatorErrorType } from '../http/stytch-errors.ts';

/**
 * A rejected control-API or fixture input. Carries the Stytch `error_type` the HTTP layer answers
 * with, so the domain stays free of HTTP while errors keep their exact shape.
 */
export class EmulatorInputError extends Error {
  override readonly name = 'EmulatorInputError';
  readonly errorType: EmulatorErrorType;

  constructor(errorType: EmulatorErrorType, message: string) {
    super(message);
    this.errorType = errorType;
  }
}
