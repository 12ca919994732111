// The browser's calls to /api/views: the signed-in person's saved views, one SWR key for every reader
// (the header's menu, the save control, the views page), so a change made in one shows in the others.
import useSWR, { mutate } from 'swr';
import type { SavedView } from '@/lib/views/view-url';
import { fetchJson } from './fetch-json';

export const VIEWS_API_URL = '/api/views';

const json = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The views, read once something needs them (`enabled`), then kept for the page. */
export function useViews(enabled = true) {
  return useSWR<SavedView[], Error>(enabled ? VIEWS_API_URL : null, (url: string) => fetchJson<{ Views: SavedView[] }>(url).then((answer) => answer.Views), {
    revalidateOnFocus: false,
  });
}

export async function saveView(name: string, url: string): Promise<SavedView> {
  const { View } = await fetchJson<{ View: SavedView }>(VIEWS_API_URL, { method: 'POST', ...json({ Name: name, Url: url }) });
  await mutate(VIEWS_API_URL);
  return View;
}

export async function renameSavedView(id: string, name: string): Promise<SavedView> {
  const { View } = await fetchJson<{ View: SavedView }>(`${VIEWS_API_URL}/${encodeURIComponent(id)}`, { method: 'PATCH', ...json({ Name: name }) });
  await mutate(VIEWS_API_URL);
  return View;
}

export async function deleteSavedView(id: string): Promise<void> {
  await fetchJson<void>(`${VIEWS_API_URL}/${encodeURIComponent(id)}`, { method: 'DELETE' });
  await mutate(VIEWS_API_URL);
}
