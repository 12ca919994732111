import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AudioStreamTable } from '@/components/job-detail/audio-stream-table';
import { FailureReason } from '@/components/job-detail/failure-reason';
import { JobChecks } from '@/components/job-detail/job-checks';
import { JobSpec } from '@/components/job-detail/job-spec';
import { errorText } from '@/components/ui/error-text';
import { FileInfo } from '@/components/job-detail/file-info';
import { JobFacts } from '@/components/job-detail/job-facts';
import { JobHeader } from '@/components/job-detail/job-header';
import { JobPoller } from '@/components/job-detail/job-poller';
import { JobReruns } from '@/components/job-detail/job-reruns';
import { RawJson } from '@/components/job-detail/raw-json';
import { VideoStreamTable } from '@/components/job-detail/video-stream-table';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { requireUser } from '@/lib/auth/require-user';
import { toPortalError } from '@/lib/errors';
import { summarizeJob } from '@/lib/jobs/job-summary';
import { getListConfig } from '@/lib/jobs/list-config';
import { loadJob } from '@/lib/http/page-reads';
import { configuredRegions } from '@/lib/ice/regions';
import { REGION_PARAM } from '@/lib/jobs/list-query';
import { parseRegion } from '@/lib/jobs/parse-list-query';
import type { DeliverySpec } from '@/lib/specs/delivery-spec';
import { getSpecs, requireSpec } from '@/lib/specs/spec-config';

/** The URL's Region when it gives one (a 400 for one not configured); else the job is found in every region. */
async function regionOf(searchParams: PageProps<'/jobs/[jobId]'>['searchParams']): Promise<string | undefined> {
  const raw = (await searchParams)[REGION_PARAM];
  return raw === undefined ? undefined : parseRegion({ [REGION_PARAM]: raw });
}

export async function generateMetadata({ params, searchParams }: PageProps<'/jobs/[jobId]'>): Promise<Metadata> {
  const { jobId } = await params;
  try {
    await requireUser();
    const { MediaInfoJob: job } = await loadJob(jobId, await regionOf(searchParams));
    return { title: job.Name || summarizeJob(job).fileName };
  } catch {
    return { title: (await getTranslations('job'))('fallbackTitle') };
  }
}

export default async function JobPage({ params, searchParams }: PageProps<'/jobs/[jobId]'>) {
  await requireUser();
  const { jobId } = await params;
  const t = await getTranslations('job');
  let job;
  let region: string;
  let asked: string | undefined;
  try {
    asked = await regionOf(searchParams);
    ({ MediaInfoJob: job, Region: region } = await loadJob(jobId, asked));
  } catch (raw) {
    const error = toPortalError(raw);
    if (error.code === 'job_not_found' || (error.code === 'invalid_input' && error.field !== REGION_PARAM)) notFound();
    return (
      <>
        <p>
          <Link href="/jobs">{t('allJobs')}</Link>
        </p>
        <PortalErrorPanel error={error} what="job" />
      </>
    );
  }
  // Found by looking in every region: the address names the region, so the link shared opens there.
  if (!asked && configuredRegions().length > 1) redirect(`/jobs/${encodeURIComponent(jobId)}?${REGION_PARAM}=${encodeURIComponent(region)}`);
  // While the portal reads several regions, what the page links to and reads again names the region.
  const regionParam = configuredRegions().length > 1 ? region : undefined;
  const listHref = regionParam ? `/jobs?${REGION_PARAM}=${encodeURIComponent(regionParam)}` : '/jobs';
  // The delivery spec the address asks the file to be checked against (?Spec=), if any.
  const specs = getSpecs();
  const specAsked = [(await searchParams).Spec].flat()[0];
  let chosen: DeliverySpec | undefined;
  let refused: string | undefined;
  if (specAsked) {
    try {
      chosen = requireSpec(specAsked);
    } catch (error) {
      refused = errorText(await getTranslations('errors'), toPortalError(error));
    }
  }
  const specHref = (specId: string) => `/jobs/${encodeURIComponent(job.JobId)}?${new URLSearchParams({ ...(regionParam ? { [REGION_PARAM]: regionParam } : {}), Spec: specId })}#spec`;
  const info = job.MediaInfoProperty;
  const video = info?.VideoStreamInfoList ?? [];
  const audio = info?.AudioStreamInfoList ?? [];
  return (
    <article>
      <p>
        <Link href={listHref}>{t('allJobs')}</Link>
      </p>
      <JobHeader job={job} title={job.Name || summarizeJob(job).fileName} />
      <JobReruns jobId={job.JobId} region={regionParam} />
      {job.Status === 'Init' && <JobPoller jobId={job.JobId} region={regionParam} submitTime={job.SubmitTime} renderedAtMs={Date.now()} stuckAfterMs={getListConfig().stuckAfterMs} />}
      {job.Status === 'Fail' && <FailureReason job={job} />}
      {job.Status === 'Success' && <JobChecks job={job} />}
      {job.Status === 'Success' && <JobSpec job={job} specs={specs} chosen={chosen} hrefFor={specHref} refused={refused} />}
      <div className="grid-2">
        {info?.FileBasicInfo ? (
          <FileInfo file={info.FileBasicInfo} />
        ) : (
          <section>
            <h2>{t('file')}</h2>
            <p className="muted">{job.Status === 'Init' ? t('noMediaInfoYet') : t('noMediaInfo')}</p>
          </section>
        )}
        <JobFacts job={job} />
      </div>
      {video.length > 0 && <VideoStreamTable streams={video} />}
      {audio.length > 0 && <AudioStreamTable streams={audio} />}
      {info && video.length === 0 && audio.length === 0 && <p className="muted">{t('noStreams')}</p>}
      {info && video.length === 0 && audio.length > 0 && <p className="muted">{t('audioOnly')}</p>}
      <RawJson jobId={job.JobId} region={regionParam} />
    </article>
  );
}
