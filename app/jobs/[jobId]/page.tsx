import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AudioStreamTable } from '@/components/job-detail/audio-stream-table';
import { FailureReason } from '@/components/job-detail/failure-reason';
import { FileInfo } from '@/components/job-detail/file-info';
import { JobFacts } from '@/components/job-detail/job-facts';
import { JobHeader } from '@/components/job-detail/job-header';
import { JobPoller } from '@/components/job-detail/job-poller';
import { RawJson } from '@/components/job-detail/raw-json';
import { VideoStreamTable } from '@/components/job-detail/video-stream-table';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { requireUser } from '@/lib/auth/require-user';
import { toPortalError } from '@/lib/errors';
import { summarizeJob } from '@/lib/jobs/job-summary';
import { loadJob } from '@/lib/http/page-reads';

export async function generateMetadata({ params }: PageProps<'/jobs/[jobId]'>): Promise<Metadata> {
  const { jobId } = await params;
  try {
    await requireUser();
    const { MediaInfoJob: job } = await loadJob(jobId);
    return { title: job.Name || summarizeJob(job).fileName };
  } catch {
    return { title: (await getTranslations('job'))('fallbackTitle') };
  }
}

export default async function JobPage({ params }: PageProps<'/jobs/[jobId]'>) {
  await requireUser();
  const { jobId } = await params;
  const t = await getTranslations('job');
  let job;
  try {
    job = (await loadJob(jobId)).MediaInfoJob;
  } catch (raw) {
    const error = toPortalError(raw);
    if (error.code === 'job_not_found' || error.code === 'invalid_input') notFound();
    return (
      <>
        <p>
          <Link href="/jobs">{t('allJobs')}</Link>
        </p>
        <PortalErrorPanel error={error} what="job" />
      </>
    );
  }
  const info = job.MediaInfoProperty;
  const video = info?.VideoStreamInfoList ?? [];
  const audio = info?.AudioStreamInfoList ?? [];
  return (
    <article>
      <p>
        <Link href="/jobs">{t('allJobs')}</Link>
      </p>
      <JobHeader job={job} title={job.Name || summarizeJob(job).fileName} />
      {job.Status === 'Init' && <JobPoller jobId={job.JobId} />}
      {job.Status === 'Fail' && <FailureReason job={job} />}
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
      <RawJson jobId={job.JobId} />
    </article>
  );
}
