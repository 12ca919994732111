import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { methodNotAllowed } from '@/lib/errors';
import { errorResponse, onlyGet } from '@/lib/http/error-response';
import { startExportDownload } from '@/lib/jobs/export-download';
import { EXPORT_PARAMS } from '@/lib/jobs/export-query';
import { parseExportQuery } from '@/lib/jobs/parse-export-query';

// GET /api/jobs/export: every job of the list's filters, across all pages, as a CSV or NDJSON download.
export const GET = apiRoute(
  '/api/jobs/export',
  async (request, _context, { requestId, user }) =>
    startExportDownload(parseExportQuery(request.nextUrl.searchParams), { signal: request.signal, requestId, userKey: userKey(user) }),
  { params: EXPORT_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };

// Next.js answers HEAD by running GET, which here would walk every page of the filters for nothing.
export function HEAD(): Response {
  return errorResponse(methodNotAllowed('GET', 'An export is only sent whole: use GET.'));
}
