// The browser's calls to /api/tokens: the signed-in person's API tokens (or everyone's, for an admin),
// one SWR key each, revalidated after every change.
import useSWR, { mutate } from 'swr';
import type { ApiTokenInfo, NewApiToken, TokenScope } from '@/lib/tokens/token-limits';
import { fetchJson } from './fetch-json';

export const TOKENS_API_URL = '/api/tokens';
export const ALL_TOKENS_API_URL = '/api/tokens?All=true';

const readTokens = (url: string) => fetchJson<{ Tokens: ApiTokenInfo[] }>(url).then((answer) => answer.Tokens);

/** The tokens at `url`, starting from the server's list so the page never shows a loading state first. */
export function useTokens(url: string | null, initial: ApiTokenInfo[]) {
  return useSWR<ApiTokenInfo[], Error>(url, readTokens, { fallbackData: initial, revalidateOnMount: false, revalidateOnFocus: true });
}

const refreshAll = () => Promise.all([mutate(TOKENS_API_URL), mutate(ALL_TOKENS_API_URL)]);

export async function createApiToken(name: string, expiresInDays: number, scope: TokenScope): Promise<NewApiToken> {
  const made = await fetchJson<NewApiToken>(TOKENS_API_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Name: name, ExpiresInDays: expiresInDays, Scope: scope }),
  });
  await refreshAll();
  return made;
}

export async function revokeApiToken(id: string): Promise<void> {
  await fetchJson<void>(`${TOKENS_API_URL}/${encodeURIComponent(id)}`, { method: 'DELETE' });
  await refreshAll();
}
