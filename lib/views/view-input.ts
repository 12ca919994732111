// A saved view as a person names it: a name and a /jobs URL (filters, time window, columns). One schema
// for the API's bodies, the form and the tests; the URL's filters are also read with the list's own
// parser on the server (saved-views.ts), so a view can never hold a list the page would refuse.
import { z } from 'zod';

export const MAX_VIEW_NAME = 80;
export const MAX_VIEW_URL = 2000;
/** The list's names a view leaves out: where someone had paged to, and what they had ticked. */
export const NOT_SAVED_PARAMS = ['NextPageToken', 'Trail', 'Select'] as const;

const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_VIEW_NAME, { error: `must be at most ${MAX_VIEW_NAME} characters` });

const url = z
  .string({ error: 'must be text' })
  .max(MAX_VIEW_URL, { error: `must be at most ${MAX_VIEW_URL} characters` })
  .refine((value) => /^\/jobs(\?|$)/.test(value), { error: 'must be an address of the job list, starting with /jobs' });

export const createViewSchema = z.strictObject({ Name: name, Url: url }, { error: 'must be a JSON object with Name and Url' });
export const renameViewSchema = z.strictObject({ Name: name }, { error: 'must be a JSON object with Name' });

export type CreateView = z.output<typeof createViewSchema>;

/** A view as the API answers it. */
export interface SavedView {
  Id: string;
  Name: string;
  Url: string;
  CreatedAt: string;
  UpdatedAt: string;
}

/** The list URL as a view keeps it: the same query without paging and selection. */
export function viewUrlOf(listUrl: string): string {
  const [path, query = ''] = listUrl.split('?', 2);
  const params = new URLSearchParams(query);
  for (const param of NOT_SAVED_PARAMS) params.delete(param);
  const search = params.toString();
  return search ? `${path}?${search}` : path!;
}
