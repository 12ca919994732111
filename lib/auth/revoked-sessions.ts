import 'server-only';
import { appStore } from '@/lib/store/app-store';

// Session ids signed out before their cookie expires. A copied cookie carries a valid seal until its
// absolute expiry, so sign-out records the id in the process's store until then, and every request
// checks it: with Redis, a sign-out on one instance is refused by all of them.
//
// While Redis does not answer, the check falls back to the revocations this instance recorded itself
// (fail open for the others'): refusing every session during an outage would sign everyone out, and
// a copied cookie is still bounded by its idle and absolute expiry. A revocation recorded during the
// outage is written to Redis when it returns (lib/store/redis.ts). With STORE_FAIL_CLOSED the check
// is a guard: it throws store_unavailable (503) instead, for teams that prefer refusal.

const key = (sid: string) => `session-revoked:${sid}`;

export async function revokeSession(sid: string, untilMs: number, nowMs = Date.now()): Promise<void> {
  await appStore().set(key(sid), '1', { ttlMs: untilMs - nowMs });
}

export async function isSessionRevoked(sid: string): Promise<boolean> {
  return (await appStore().get(key(sid), { guard: true })) !== undefined;
}
