import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function JobNotFound() {
  const t = useTranslations('job');
  return (
    <section className="panel">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link href="/jobs">{t('allJobs')}</Link>
      </p>
    </section>
  );
}
