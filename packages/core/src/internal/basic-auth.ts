/**
 * `Basic base64(project_id:secret)`, UTF-8 safe without `Buffer` (`btoa` alone only takes Latin-1).
 */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
