import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Any address the portal has no page for, in the reader's language. */
export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <section className="panel">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/jobs">{t('jobList')}</Link>
      </p>
    </section>
  );
}
