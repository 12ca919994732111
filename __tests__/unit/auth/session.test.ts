import { randomBytes } from 'node:crypto';
import type { User } from '@/lib/auth/access';
import { parseAuthConfig } from '@/lib/auth/config';
import { endSession, inspectSession, readSession, refreshedSession, sessionUser, startSession } from '@/lib/auth/session';
import { seal } from '@/lib/auth/sealed-cookie';

const config = (extra: Record<string, string> = {}) => {
  const parsed = parseAuthConfig({
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_CLIENT_ID: 'portal',
    OIDC_CLIENT_SECRET: 'client-secret-value',
    APP_URL: 'https://portal.example.com',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_ALLOWED_GROUPS: 'media-team,ops',
    ...extra,
  });
  if (parsed.mode !== 'oidc') throw new Error('expected oidc');
  return parsed;
};

const alice: User = { sub: 'alice', email: 'alice@example.com', emailVerified: true, name: 'Alice', groups: ['Media-Team', 'interns'] };
const MINUTE = 60_000;
const T0 = 1_800_000_000_000;

describe('what a session cookie keeps', () => {
  it('keeps only the allowed groups, and caps every string', () => {
    const kept = sessionUser({ ...alice, name: 'n'.repeat(5000), groups: [...alice.groups, ...Array.from({ length: 200 }, (_, i) => `group-${i}`)] }, config());
    expect(kept.groups).toEqual(['Media-Team']);
    expect(kept.name).toHaveLength(256);
  });

  it('fits 200 groups from the IdP in a cookie browsers keep', () => {
    const cookie = startSession(config(), { ...alice, groups: Array.from({ length: 200 }, (_, i) => `/org/division-${i}/team-${i}/media-team-${i}`).concat('media-team') }, undefined, T0)!;
    expect(cookie.value.length).toBeLessThan(3500);
  });

  it('drops the ID token before it would overflow, and refuses an identity that still cannot fit', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `allowed-group-with-a-long-name-${i}`);
    const wide = config({ AUTH_ALLOWED_GROUPS: many.join(',') });
    const idToken = 'h.'.padEnd(1700, 'x');
    const few = startSession(wide, { ...alice, groups: many.slice(0, 5) }, idToken, T0)!;
    expect((await readSession(wide, few.value, T0))?.idToken).toBe(idToken);
    const more = startSession(wide, { ...alice, groups: many.slice(0, 40) }, idToken, T0)!;
    expect(more.value.length).toBeLessThan(3500);
    const kept = await readSession(wide, more.value, T0);
    expect(kept?.groups).toHaveLength(40);
    expect(kept?.idToken).toBeUndefined();
    expect(startSession(wide, { ...alice, groups: many }, undefined, T0)).toBeUndefined();
  });
});

describe('session life', () => {
  it('expires after AUTH_IDLE_MINUTES without a request, and slides with each one', async () => {
    const c = config({ AUTH_IDLE_MINUTES: '30' });
    const { value } = startSession(c, alice, undefined, T0)!;
    expect(await readSession(c, value, T0 + 29 * MINUTE)).toMatchObject({ sub: 'alice' });
    expect(await readSession(c, value, T0 + 31 * MINUTE)).toBeUndefined();

    const session = (await readSession(c, value, T0 + 29 * MINUTE))!;
    const slid = refreshedSession(c, session, T0 + 29 * MINUTE)!;
    expect(await readSession(c, slid.value, T0 + 58 * MINUTE)).toMatchObject({ sub: 'alice', sid: session.sid });
  });

  it('keeps the absolute expiry however often it slides', async () => {
    const c = config({ AUTH_SESSION_HOURS: '1', AUTH_IDLE_MINUTES: '30' });
    let value = startSession(c, alice, undefined, T0)!.value;
    for (let minute = 20; minute <= 60; minute += 20) {
      const session = await readSession(c, value, T0 + minute * MINUTE);
      if (minute < 60) {
        value = refreshedSession(c, session!, T0 + minute * MINUTE)!.value;
      } else {
        expect(session).toBeUndefined();
      }
    }
  });

  it('re-seals at most once a minute', async () => {
    const c = config();
    const { value } = startSession(c, alice, undefined, T0)!;
    const session = (await readSession(c, value, T0 + 30_000))!;
    expect(refreshedSession(c, session, T0 + 30_000)).toBeUndefined();
    expect(refreshedSession(c, session, T0 + 61_000)?.maxAgeSeconds).toBeCloseTo(8 * 3600 - 61, 0);
  });

  it('re-seals once a minute for a client that keeps sending the old cookie, not on every request', async () => {
    const c = config();
    const { value } = startSession(c, alice, undefined, T0)!;
    const stale = (await readSession(c, value, T0 + 61_000))!;
    expect(refreshedSession(c, stale, T0 + 61_000)).toBeDefined();
    expect(refreshedSession(c, stale, T0 + 62_000)).toBeUndefined();
    expect(refreshedSession(c, stale, T0 + 120_000)).toBeUndefined();
    expect(refreshedSession(c, stale, T0 + 122_000)).toBeDefined();
  });

  it('refuses a signed-out session, but not another session of the same user', async () => {
    const c = config();
    const first = startSession(c, alice, undefined, Date.now())!.value;
    const second = startSession(c, alice, undefined, Date.now())!.value;
    await endSession(c, first);
    expect(await inspectSession(c, first)).toEqual({ refusal: 'revoked' });
    expect(await readSession(c, second)).toMatchObject({ sub: 'alice' });
  });

  it('ends a session signed out from an idle copy while another copy is kept alive by its own requests', async () => {
    const c = config({ AUTH_IDLE_MINUTES: '2' });
    const now = Date.now();
    const victims = startSession(c, alice, undefined, now - 3 * MINUTE)!.value; // idle since
    const session = (await readSession(c, victims, now - 3 * MINUTE))!;
    const attackers = refreshedSession(c, session, now)!.value; // the same sid, kept fresh
    expect(await inspectSession(c, victims, now)).toEqual({ refusal: 'idle' });
    await endSession(c, victims, now);
    expect(await inspectSession(c, attackers, now)).toEqual({ refusal: 'revoked' });
  });

  it('says why a cookie holds no session', async () => {
    const c = config();
    expect(await inspectSession(c, undefined)).toEqual({ refusal: 'missing' });
    expect(await inspectSession(c, 'v1.forged.cookie.value')).toEqual({ refusal: 'invalid' });
  });

  it('refuses a cookie sealed without a session id (made before sessions had one)', async () => {
    const c = config();
    expect(await readSession(c, seal({ ...alice }, c.AUTH_SECRET, 'session', 60 * MINUTE))).toBeUndefined();
  });
});
