import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { PagerLinks } from '@/lib/jobs/list-query';

/** Previous and next pages; a search's next page continues its scan, and says so. */
export function JobsPager({ links, scanning = false }: { links: PagerLinks; scanning?: boolean }) {
  const t = useTranslations('pager');
  const nextLabel = scanning ? t('continue') : t('next');
  return (
    <nav className="pager" aria-label={t('label')}>
      {links.previous ? (
        <Link className="button" href={links.previous} rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          {t('previous')}
        </span>
      )}
      <span aria-current="page">{t('page', { page: links.page })}</span>
      {links.next ? (
        <Link className="button" href={links.next} rel="next">
          {nextLabel}
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          {nextLabel}
        </span>
      )}
    </nav>
  );
}
