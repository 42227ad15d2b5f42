import { EmulatorInputError } from './input-error.ts';

/** `value` when it is a string, `undefined` when absent; anything else is a `bad_request`. */
export function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new EmulatorInputError('bad_request', `${field} must be a string.`);
  return value;
}

/** `value` when it is a list of strings; anything else is a `bad_request`. */
export function stringList(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new EmulatorInputError('bad_request', `${field} must be a list of strings.`);
  }
  return value as string[];
}
