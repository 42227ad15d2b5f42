/** Replaces every occurrence of each secret value in `text` (a secret, a Basic token, a session JWT). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
