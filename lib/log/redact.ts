// Last line of defence for anything the portal writes out: signed-URL parameters and the configured
// secret values never leave the process, whatever a library put into a message.

const SIGNED_PARAMS = /(AccessKeyId|Signature|SecurityToken|SignatureNonce|AccessKeySecret)(=|%3D|%253D|":\s*")[^&\s"',]*/gi;

const secrets = new Set<string>();

/** Values to blank wherever they appear (key id, secret, STS token, session keys). */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    // Very short values would blank ordinary words; no real key or token is that short.
    if (value && value.length >= 8) secrets.add(value);
  }
}

export function redact(text: string): string {
  let out = text.replace(SIGNED_PARAMS, (_, name: string, sep: string) => `${name}${sep}[redacted]`);
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join('[redacted]');
  }
  return out;
}
