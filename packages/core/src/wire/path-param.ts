/**
 * Longest path parameter accepted: Stytch documents `external_id` as at most 128 characters, and its
 * own ids are about 60.
 */
export const MAX_PATH_PARAM_LENGTH = 128;

// Unicode "Cc" (C0 controls, DEL, C1 controls), and the characters that end or split a path segment
// or that a server could decode again: `/`, `\`, `?`, `#`, `%`.
const FORBIDDEN = /[\p{Cc}/\\?#%]/u;
// A lone UTF-16 surrogate (a pair is one code point in a `u` regex), which cannot be encoded as UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The one rule for a path parameter (a `user_id`, a `connected_app_id`) at every hop: a non-empty
 * string of at most {@link MAX_PATH_PARAM_LENGTH} characters, well-formed Unicode, not a dot segment
 * (`.`, `..`), and free of control characters and of `/ \ ? # %`. Such a value, percent-encoded,
 * stays one path segment on every server and URL parser. Stytch ids and external ids all pass.
 * Returns what is wrong as the end of a sentence (`'must not be empty'`), or `undefined` when valid.
 *
 * @example
 * pathParamProblem('../admin'); // 'must not contain control characters or / \\ ? # %'
 */
export function pathParamProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_PATH_PARAM_LENGTH) return `must be at most ${MAX_PATH_PARAM_LENGTH} characters`;
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (FORBIDDEN.test(value)) return 'must not contain control characters or / \\ ? # %';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode';
  return undefined;
}
