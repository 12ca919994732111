import 'server-only';
import { z } from 'zod';
import { userKey, type User } from '@/lib/auth/access';
import { getAuthConfig } from '@/lib/auth/config';
import { submitForbidden, tokenNotFound, tokensOff, tooManyTokens, type TokenRefusal } from '@/lib/errors';
import { parseBody } from '@/lib/http/json-body';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { maySubmit } from '@/lib/submit/submit-access';
import { getSubmitConfig } from '@/lib/submit/submit-config';
import { getTokenConfig } from './config';
import { createTokenSchema } from './token-input';
import { MAX_TOKENS, TOKEN_SCOPES, type ApiTokenInfo, type NewApiToken, type TokenScope } from './token-limits';
import { hashSecret, mintToken, parseToken, secretMatches } from './token-secret';

// People's API tokens in the store (memory, or Redis for every instance), read from the shared store on
// every use and never copied into an instance's memory, so a revoked token is refused at once everywhere.
// Three record sets:
// - `api-tokens`, per owner: id -> the token (its hash, scope, expiry, and the user as they were when
//   it was made, which is who the token acts as); at most MAX_TOKENS live ones;
// - `api-token-ids`, one set: id -> owner, to find a token from its text alone (and for admins, all);
// - `api-token-used`, per owner: id -> when last used, written at most once a minute per instance.
// Revoking removes the owner's record first: from that moment the token is refused, whatever remains.

const TOKENS = 'api-tokens';
const IDS = 'api-token-ids';
const USED = 'api-token-used';
const ALL = 'all';
/** The id index and last-used sets hold a record per token: no limit of their own. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const DAY_MS = 86_400_000;
/** An expired token stays listed (as expired) this long, so its owner sees why a script stopped. */
const EXPIRED_LISTED_MS = 7 * DAY_MS;
const LAST_USED_EVERY_MS = 60_000;

const storedSchema = z.object({
  Name: z.string(),
  Scope: z.enum(TOKEN_SCOPES),
  CreatedAt: z.string(),
  ExpiresAt: z.string(),
  Hash: z.string(),
  User: z.object({ sub: z.string(), email: z.string().optional(), name: z.string().optional(), groups: z.array(z.string()), emailVerified: z.boolean() }),
});
type StoredToken = z.output<typeof storedSchema>;

/** A token that authenticated: who it acts as, and what for. */
export interface TokenHolder {
  user: User;
  token: { id: string; scope: TokenScope };
}

/** The key of the hashes, or a 404 saying why this portal offers no tokens. */
export function tokensOn(): Buffer {
  const { hashKey, off } = getTokenConfig();
  if (!hashKey) throw tokensOff(off ?? 'off');
  return hashKey;
}

function readStored(text: string | undefined): StoredToken | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: logged below
  }
  log('warn', 'store_entry_unreadable', { message: 'an API token record does not read as one; it is treated as unknown' });
  return undefined;
}

const infoOf = (id: string, stored: StoredToken, lastUsed?: string): ApiTokenInfo => ({
  Id: id,
  Name: stored.Name,
  Scope: stored.Scope,
  CreatedAt: stored.CreatedAt,
  ExpiresAt: stored.ExpiresAt,
  ...(lastUsed ? { LastUsedAt: lastUsed } : {}),
  Owner: stored.User.email ?? stored.User.sub,
});

async function remove(owner: string, id: string): Promise<boolean> {
  const store = appStore();
  const had = await store.records(TOKENS).remove(owner, id);
  await Promise.all([store.records(IDS).remove(ALL, id), store.records(USED).remove(owner, id)]);
  return had;
}

/** The owner's tokens, by newest first; those expired longer than `keepExpiredMs` are deleted on the way. */
async function ownTokens(owner: string, keepExpiredMs: number, nowMs = Date.now()): Promise<ApiTokenInfo[]> {
  const store = appStore();
  const [records, used] = await Promise.all([store.records(TOKENS).all(owner), store.records(USED).all(owner)]);
  const tokens: ApiTokenInfo[] = [];
  for (const [id, text] of Object.entries(records)) {
    const stored = readStored(text);
    if (!stored) continue;
    if (Date.parse(stored.ExpiresAt) + keepExpiredMs <= nowMs) await remove(owner, id);
    else tokens.push(infoOf(id, stored, used[id]));
  }
  return tokens.sort((a, b) => b.CreatedAt.localeCompare(a.CreatedAt));
}

export const listTokens = (user: User) => ownTokens(userKey(user), EXPIRED_LISTED_MS);

/** Everyone's tokens, for API_TOKEN_ADMIN_GROUPS: found through the id index, read owner by owner. */
export async function listEveryonesTokens(): Promise<ApiTokenInfo[]> {
  const owners = new Set(Object.values(await appStore().records(IDS).all(ALL)));
  const lists = await Promise.all([...owners].map((owner) => ownTokens(owner, EXPIRED_LISTED_MS)));
  return lists.flat().sort((a, b) => b.CreatedAt.localeCompare(a.CreatedAt));
}

export async function createToken(user: User, body: unknown): Promise<NewApiToken> {
  const key = tokensOn();
  const { Name, ExpiresInDays, Scope } = parseBody(createTokenSchema(getTokenConfig().maxDays), body, 'a token');
  // A token acts as its owner: it may not do what they may not.
  if (Scope === 'submit' && !maySubmit(user, getAuthConfig().mode, getSubmitConfig())) throw submitForbidden();
  const owner = userKey(user);
  // Expired tokens do not count against the limit: they go now.
  await ownTokens(owner, 0);
  const minted = mintToken();
  const now = new Date();
  const stored: StoredToken = {
    Name,
    Scope,
    CreatedAt: now.toISOString(),
    ExpiresAt: new Date(now.getTime() + ExpiresInDays * DAY_MS).toISOString(),
    Hash: hashSecret(key, minted.secret),
    User: { sub: user.sub, email: user.email, name: user.name, groups: user.groups, emailVerified: user.emailVerified },
  };
  const store = appStore();
  // The index first: a token is usable only once its owner's record exists, and that comes last.
  await store.records(IDS).put(ALL, minted.id, owner, UNBOUNDED);
  if (!(await store.records(TOKENS).put(owner, minted.id, JSON.stringify(stored), MAX_TOKENS))) {
    await store.records(IDS).remove(ALL, minted.id);
    throw tooManyTokens(MAX_TOKENS);
  }
  return { Token: infoOf(minted.id, stored), Secret: minted.text };
}

/** Revokes one of the user's tokens, or anyone's for an admin; another's id is a 404 like an unknown one. */
export async function revokeToken(user: User, id: string, asAdmin: boolean): Promise<ApiTokenInfo> {
  const store = appStore();
  const owner = asAdmin ? await store.records(IDS).get(ALL, id) : userKey(user);
  const stored = owner === undefined ? undefined : readStored(await store.records(TOKENS).get(owner, id));
  if (owner === undefined || !stored || !(await remove(owner, id))) throw tokenNotFound();
  return infoOf(id, stored);
}

/** Written at most once a minute a token on each instance: a busy script must not write on every call. */
const lastWritten = new Map<string, number>();

function noteUse(owner: string, id: string, nowMs: number): void {
  if ((lastWritten.get(id) ?? 0) + LAST_USED_EVERY_MS > nowMs) return;
  if (lastWritten.size > 10_000) lastWritten.clear();
  lastWritten.set(id, nowMs);
  appStore()
    .records(USED)
    .put(owner, id, new Date(nowMs).toISOString(), UNBOUNDED)
    .catch(() => lastWritten.delete(id));
}

/**
 * Who a token's text acts as, or why it is refused (with the id it named, when it named one, for the
 * audit line). Throws store_unavailable (503) while the shared store cannot say.
 */
export async function authenticateToken(text: string, nowMs = Date.now()): Promise<TokenHolder | { refused: TokenRefusal; id?: string }> {
  const key = getTokenConfig().hashKey;
  if (!key) return { refused: 'off' };
  const parsed = parseToken(text);
  if (!parsed) return { refused: 'malformed' };
  const store = appStore();
  const owner = await store.records(IDS).get(ALL, parsed.id);
  const stored = owner === undefined ? undefined : readStored(await store.records(TOKENS).get(owner, parsed.id));
  if (owner === undefined || !stored || !secretMatches(key, parsed.secret, stored.Hash)) return { refused: 'unknown', id: parsed.id };
  if (Date.parse(stored.ExpiresAt) <= nowMs) return { refused: 'expired', id: parsed.id };
  noteUse(owner, parsed.id, nowMs);
  return { user: stored.User, token: { id: parsed.id, scope: stored.Scope } };
}

/** Whether the user may list and revoke everyone's tokens. */
export function isTokenAdmin(user: User): boolean {
  const admins = getTokenConfig().adminGroups;
  return admins.length > 0 && user.groups.some((group) => admins.includes(group.toLowerCase()));
}
