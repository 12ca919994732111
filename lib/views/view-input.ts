// A saved view as a person names it: a name and a /jobs URL (filters, time window, columns). One schema
// for the API's bodies and the tests; the URL's filters are also read with the list's own parser on the
// server (saved-views.ts), so a view can never hold a list the page would refuse. The form in the
// browser uses view-url.ts, which has the limits without zod.
import { z } from 'zod';
import { MAX_VIEW_NAME, MAX_VIEW_URL } from './view-url';

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
