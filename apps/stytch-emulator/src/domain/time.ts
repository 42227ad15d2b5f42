/** Stytch timestamps are RFC 3339 in UTC without fractional seconds: `2021-12-29T12:33:09Z`. */
export function stytchTime(date: Date | number = Date.now()): string {
  const iso = new Date(date).toISOString();
  return `${iso.slice(0, 19)}Z`;
}
