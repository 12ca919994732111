import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { invalidInput, PortalError, tooManyViews, viewNotFound, type InputReason } from '@/lib/errors';
import { parseBody } from '@/lib/http/json-body';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { createViewSchema, renameViewSchema } from './view-input';
import { viewUrlOf, type SavedView } from './view-url';
import { jsonOrUndefined } from '@/lib/jobs/pretty-json';

// A person's saved views: named /jobs URLs, kept in the store (memory, or Redis for every instance)
// under the person's key, at most MAX_VIEWS each. Only the owner reaches them: every call is made for
// one owner, and an id is looked up among that owner's records only. Cases:
// - a view's URL is checked with the list's own parser, so it never holds a list the page refuses;
// - paging and a selection are left out of it (view-url.ts);
// - a record the store holds that does not read as a view is skipped and logged, not shown.

export const MAX_VIEWS = 50;
const RECORDS = 'views';

const storedSchema = z.object({ Name: z.string(), Url: z.string(), CreatedAt: z.string(), UpdatedAt: z.string() });

/** The URL a view keeps, or a 400 naming Url with why the list would refuse it. */
function checkedUrl(url: string): string {
  const kept = viewUrlOf(url);
  try {
    parseListQuery(new URLSearchParams(kept.split('?')[1] ?? ''));
  } catch (error) {
    if (error instanceof PortalError && error.code === 'invalid_input') {
      throw invalidInput('Url', `has a filter the list refuses (${error.message})`, error.params?.reason ? (error.params as unknown as InputReason) : undefined);
    }
    throw error;
  }
  return kept;
}

export async function listViews(owner: string): Promise<SavedView[]> {
  const records = await appStore().records(RECORDS).all(owner);
  const views: SavedView[] = [];
  for (const [Id, text] of Object.entries(records)) {
    const parsed = storedSchema.safeParse(jsonOrUndefined(text));
    if (parsed.success) views.push({ Id, ...parsed.data });
    else log('warn', 'store_entry_unreadable', { message: 'a saved view does not read as one; it is left out' });
  }
  return views.sort((a, b) => a.Name.localeCompare(b.Name));
}

export async function createView(owner: string, body: unknown): Promise<SavedView> {
  const { Name, Url } = parseBody(createViewSchema, body, 'a view');
  const now = new Date().toISOString();
  const view: SavedView = { Id: randomBytes(9).toString('base64url'), Name, Url: checkedUrl(Url), CreatedAt: now, UpdatedAt: now };
  const { Id: _id, ...stored } = view;
  if (!(await appStore().records(RECORDS).put(owner, view.Id, JSON.stringify(stored), MAX_VIEWS))) throw tooManyViews(MAX_VIEWS);
  return view;
}

export async function renameView(owner: string, id: string, body: unknown): Promise<SavedView> {
  const { Name } = parseBody(renameViewSchema, body, 'a view');
  const current = (await listViews(owner)).find((view) => view.Id === id);
  if (!current) throw viewNotFound();
  const view: SavedView = { ...current, Name, UpdatedAt: new Date().toISOString() };
  const { Id: _id, ...stored } = view;
  await appStore().records(RECORDS).put(owner, id, JSON.stringify(stored), MAX_VIEWS);
  return view;
}

export async function deleteView(owner: string, id: string): Promise<void> {
  if (!(await appStore().records(RECORDS).remove(owner, id))) throw viewNotFound();
}
