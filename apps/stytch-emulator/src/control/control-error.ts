const MARKER = Symbol.for('connected-apps.stytch-emulator.EmulatorControlError');

/**
 * A control-API call that failed: the emulator's Stytch-shaped error, or `network_error`/`invalid_response`
 * (status 0 or the HTTP status) when no such body came back.
 */
export class EmulatorControlError extends Error {
  override readonly name = 'EmulatorControlError';
  readonly status_code: number;
  readonly request_id: string;
  readonly error_type: string;
  readonly error_message: string;
  readonly error_url: string;
  readonly [MARKER] = true;

  constructor(fields: {
    status_code: number;
    request_id: string;
    error_type: string;
    error_message: string;
    error_url: string;
  }) {
    super(`${fields.error_type} (${fields.status_code}): ${fields.error_message}`);
    this.status_code = fields.status_code;
    this.request_id = fields.request_id;
    this.error_type = fields.error_type;
    this.error_message = fields.error_message;
    this.error_url = fields.error_url;
  }

  /** Works across duplicated installs, unlike `instanceof`. */
  static isInstance(value: unknown): value is EmulatorControlError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}
