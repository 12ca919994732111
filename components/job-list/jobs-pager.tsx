'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { SELECT_PARAM, type PagerLinks } from '@/lib/jobs/list-query';
import { useSelection } from './use-selection';

/** The link with the list's current selection, which the browser may have changed since the server wrote the link. */
function withSelection(href: string, selected: string[]): string {
  const [path, search = ''] = href.split('?');
  const params = new URLSearchParams(search);
  if (selected.length > 0) params.set(SELECT_PARAM, selected.join(','));
  else params.delete(SELECT_PARAM);
  const query = params.toString();
  return query ? `${path}?${query}` : path!;
}

/** Previous and next pages; a search's next page continues its scan, and says so. The selection goes along. */
export function JobsPager({ links, scanning = false }: { links: PagerLinks; scanning?: boolean }) {
  const t = useTranslations('pager');
  const { selected } = useSelection();
  const nextLabel = scanning ? t('continue') : t('next');
  return (
    <nav className="pager" aria-label={t('label')}>
      {links.previous ? (
        <Link className="button" href={withSelection(links.previous, selected)} rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          {t('previous')}
        </span>
      )}
      <span aria-current="page">{t('page', { page: links.page })}</span>
      {links.next ? (
        <Link className="button" href={withSelection(links.next, selected)} rel="next">
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
