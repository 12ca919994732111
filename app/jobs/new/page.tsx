import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BatchForm } from '@/components/submit/batch-form';
import { SubmitForm } from '@/components/submit/submit-form';
import { errorText } from '@/components/ui/error-text';
import { toPortalError } from '@/lib/errors';
import { loadJob } from '@/lib/http/page-reads';
import { configuredRegions } from '@/lib/ice/regions';
import { summarizeJob } from '@/lib/jobs/job-summary';
import { jobPageHref, REGION_PARAM } from '@/lib/jobs/list-query';
import { parseRegion } from '@/lib/jobs/parse-list-query';
import { rerunPrefill, type SubmitPrefill } from '@/lib/submit/rerun-prefill';
import { submitPermission } from '@/lib/submit/submit-permission';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('submitPage'))('title') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// /jobs/new: probe one file (?RerunOf=<JobId> fills the form from that job) or many (?Mode=batch), for
// people who may submit; everyone else is told who may (the API refuses them anyway).
export default async function NewJobPage({ searchParams }: PageProps<'/jobs/new'>) {
  const t = await getTranslations('submitPage');
  const permission = await submitPermission();
  if (!permission.allowed) {
    return (
      <section className="panel" aria-labelledby="submit-heading">
        <h1 id="submit-heading">{t('notAllowedTitle')}</h1>
        <p>{t('notAllowed')}</p>
        <p>
          <Link href="/jobs">{t('backToJobs')}</Link>
        </p>
      </section>
    );
  }
  const params = await searchParams;
  const batch = first(params.Mode) === 'batch';
  const regions = configuredRegions().map((r) => r.region);
  const rerunOf = first(params.RerunOf);
  let prefill: SubmitPrefill = {};
  let rerunProblem: string | undefined;
  if (rerunOf && !batch) {
    try {
      const raw = first(params[REGION_PARAM]);
      const { MediaInfoJob: job, Region } = await loadJob(rerunOf, raw === undefined ? undefined : parseRegion({ [REGION_PARAM]: raw }));
      prefill = rerunPrefill(job, Region, (name) => t('rerunName', { name }), summarizeJob(job).fileName);
    } catch (error) {
      rerunProblem = errorText(await getTranslations('errors'), toPortalError(error));
    }
  }
  return (
    <>
      <h1 id="submit-heading">{t('title')}</h1>
      <p>{t('intro')}</p>
      <nav className="submit-tabs" aria-label={t('modes')}>
        <Link href="/jobs/new" aria-current={batch ? undefined : 'page'}>
          {t('oneFile')}
        </Link>
        <Link href="/jobs/new?Mode=batch" aria-current={batch ? 'page' : undefined}>
          {t('manyFiles')}
        </Link>
      </nav>
      {prefill.rerunOf && (
        <p className="banner" role="note">
          {t.rich('rerunning', {
            job: () => (
              <Link href={jobPageHref(prefill.rerunOf!, regions.length > 1 ? prefill.region : undefined)} translate="no">
                {prefill.rerunOf}
              </Link>
            ),
          })}
        </p>
      )}
      {rerunProblem && (
        <p className="banner error" role="alert">
          {t('rerunUnread', { message: rerunProblem })}
        </p>
      )}
      {batch ? <BatchForm csrfToken={permission.csrfToken} regions={regions} /> : <SubmitForm key={rerunOf ?? 'new'} csrfToken={permission.csrfToken} prefill={prefill} regions={regions} />}
    </>
  );
}
