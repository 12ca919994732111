import { getTranslations } from 'next-intl/server';
import { checkJob } from '@/lib/checks/media-checks';
import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { REGION_PARAM } from '@/lib/jobs/list-query';
import { parseRegion } from '@/lib/jobs/parse-list-query';
import { readJob } from '@/lib/jobs/reads';
import { evaluateSpec } from '@/lib/specs/delivery-spec';
import { requireSpec } from '@/lib/specs/spec-config';

// GET /api/jobs/:jobId/checks[?Region=][&Spec=]: what is unusual about the job's file, as the job page says it:
// { JobId, Checks: [{ Id, Severity, Values, Message }], Spec?: { Id, Passed, Rules } }, most severe first. Ids and values are for
// scripts; Message is the English sentence (the page says it in the reader's language). An unknown id
// is a 404, as for the job itself.
export const GET = apiRoute(
  '/api/jobs/[jobId]/checks',
  async (request, context: RouteContext<'/api/jobs/[jobId]/checks'>) => {
    const params = request.nextUrl.searchParams;
    const given = params.has(REGION_PARAM) ? parseRegion(params) : undefined;
    // An unknown spec is a 400 before ICE is asked.
    const specId = params.get('Spec');
    const spec = specId === null ? undefined : requireSpec(specId);
    const { MediaInfoJob, RequestId } = await readJob((await context.params).jobId, { signal: request.signal }, given);
    const t = await getTranslations({ locale: 'en', namespace: 'checks' });
    const Checks = checkJob(MediaInfoJob).map((finding) => ({ ...finding, Message: t.markup(`details.${finding.Id}`, { ...finding.Values, v: (chunks) => chunks }) }));
    return { body: { JobId: MediaInfoJob.JobId, Checks, ...(spec ? { Spec: evaluateSpec(MediaInfoJob, spec) } : {}) }, requestId: RequestId };
  },
  { params: [REGION_PARAM, 'Spec'] },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
