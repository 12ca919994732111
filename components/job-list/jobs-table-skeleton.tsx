import { useTranslations } from 'next-intl';
import type { CSSProperties } from 'react';

/**
 * Stands in for the table while ICE answers, so the page shell and filters arrive first. One block whose
 * bars are CSS backgrounds (.skeleton-rows), sized to the rows to come: every list page carries it, even
 * when the table arrives in the same response, and as a table of empty cells it was 184 of the default
 * page's 920 elements.
 */
export function JobsTableSkeleton({ rows }: { rows: number }) {
  const t = useTranslations('list');
  return (
    <div className="table-scroll stand-in" aria-busy="true" aria-label={t('loading')}>
      <p className="visually-hidden" role="status">
        {t('loading')}
      </p>
      <div className="skeleton-rows" aria-hidden="true" style={{ '--rows': Math.min(rows, 20) } as CSSProperties} />
    </div>
  );
}
