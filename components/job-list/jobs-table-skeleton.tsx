import { useTranslations } from 'next-intl';

/**
 * Stands in for the table while ICE answers, so the page shell and filters arrive first. Its bars are
 * drawn by CSS (.skeleton-table): the cells are empty, so the stand-in costs every list page little to
 * render and send, even when the table arrives in the same response.
 */
export function JobsTableSkeleton({ rows }: { rows: number }) {
  const t = useTranslations('list');
  const cells = Array.from({ length: 8 }, (_, j) => <td key={j} />);
  return (
    <div className="table-scroll" aria-busy="true" aria-label={t('loading')}>
      <p className="visually-hidden" role="status">
        {t('loading')}
      </p>
      <table className="skeleton-table" aria-hidden="true">
        <tbody>
          {Array.from({ length: Math.min(rows, 20) }, (_, i) => (
            <tr key={i}>{cells}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
