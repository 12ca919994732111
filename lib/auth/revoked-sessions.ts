// Session ids signed out before their cookie expires. A copied cookie carries a valid seal until its
// absolute expiry, so sign-out records the id until then and every request checks it.
//
// In this process's memory for now (the shared-store issue moves it to Redis so it holds across
// instances), behind an asynchronous interface so that move does not change the callers.

export interface RevokedSessions {
  revoke(sid: string, untilMs: number): Promise<void>;
  isRevoked(sid: string, nowMs?: number): Promise<boolean>;
}

/** Past this many live entries, expired ones are swept before the next is added. */
const SWEEP_AT = 10_000;

export function memoryRevokedSessions(): RevokedSessions {
  const until = new Map<string, number>();
  return {
    async revoke(sid, untilMs) {
      if (until.size >= SWEEP_AT) {
        const now = Date.now();
        for (const [id, expiry] of until) if (expiry <= now) until.delete(id);
      }
      until.set(sid, untilMs);
    },
    async isRevoked(sid, nowMs = Date.now()) {
      const expiry = until.get(sid);
      return expiry !== undefined && expiry > nowMs;
    },
  };
}

// Sign-out runs in a route handler and the check in pages, the API and proxy.ts: separate bundles
// with their own module copies, so the one list of the process lives on globalThis.
const SHARED = Symbol.for('ice-portal.revoked-sessions');

export function revokedSessions(): RevokedSessions {
  const holder = globalThis as { [SHARED]?: RevokedSessions };
  holder[SHARED] ??= memoryRevokedSessions();
  return holder[SHARED];
}
