import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Cookie values the browser can hold but neither read nor alter: AES-256-GCM (encrypted and
// authenticated) under a key derived from AUTH_SECRET for one purpose, so a login-flow cookie can
// never be replayed as a session. Expiry is inside the sealed payload, not trusted from the browser.

const VERSION = 'v1';

const keys = new Map<string, Buffer>();

/** Derived once per secret and purpose: the session cookie is opened on every request. */
function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'ice-media-info-portal', `cookie:${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

export function seal(payload: object, secret: string, purpose: string, ttlMs: number, nowMs = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp: nowMs + ttlMs })), cipher.final()]);
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The payload, or undefined when the value is malformed, altered, sealed with another key or expired. */
export function unseal<T extends object>(value: string | undefined, secret: string, purpose: string, nowMs = Date.now()): T | undefined {
  if (!value || value.length > 8192) return undefined;
  const [version, iv, body, tag, extra] = value.split('.');
  if (version !== VERSION || !iv || !body || !tag || extra !== undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const json = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString();
    const payload = JSON.parse(json) as T & { exp?: unknown };
    return typeof payload.exp === 'number' && payload.exp > nowMs ? payload : undefined;
  } catch {
    return undefined;
  }
}
