/** Replaces every occurrence of each secret value in `text` (a secret, a Basic token, a session JWT). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}

/**
 * A JSON value with every secret redacted from every string in it (the same value when none is
 * there): a server that echoes credentials back (a misconfigured gateway, a debug endpoint) must not
 * leak them through an error's fields.
 */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
  const serialized = JSON.stringify(value);
  const redacted = redact(serialized, secrets);
  return redacted === serialized ? value : (JSON.parse(redacted) as T);
}
