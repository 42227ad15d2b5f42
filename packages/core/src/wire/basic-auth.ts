/**
 * Stytch's server authentication, `Basic base64(project_id:secret)`, UTF-8 safe without `Buffer`
 * (`btoa` alone only takes Latin-1), so it runs in every runtime.
 *
 * @example
 * basicAuthorization('project-test-…', 'secret-test-…'); // 'Basic cHJvamVjdC10ZXN0LeKApjpz…'
 */
export function basicAuthorization(project_id: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${project_id}:${secret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
