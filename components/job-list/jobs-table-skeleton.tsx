import { useTranslations } from 'next-intl';

/** Stands in for the table while ICE answers, so the page shell and filters arrive first. */
export function JobsTableSkeleton({ rows }: { rows: number }) {
  const t = useTranslations('list');
  return (
    <div className="table-scroll" aria-busy="true" aria-label={t('loading')}>
      <p className="visually-hidden" role="status">
        {t('loading')}
      </p>
      <table aria-hidden="true">
        <tbody>
          {Array.from({ length: Math.min(rows, 20) }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: 8 }, (_, j) => (
                <td key={j}>
                  <span className="skeleton" style={{ width: `${4 + ((i + j) % 4) * 2}rem` }} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
