// What the browser and the server both know of a saved view: its limits, its shape in the API, and the
// URL it keeps. No zod here: the form that saves a view ships in the list page's first load.

export const MAX_VIEW_NAME = 80;
export const MAX_VIEW_URL = 2000;
/** The list's names a view leaves out: where someone had paged to, and what they had ticked. */
export const NOT_SAVED_PARAMS = ['NextPageToken', 'Trail', 'Select'] as const;

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
