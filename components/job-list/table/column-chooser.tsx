'use client';

import { useTranslations } from 'next-intl';
import { CHOOSABLE_COLUMNS, type ChoosableColumn } from './job-columns';

const LABELS: Record<ChoosableColumn, 'columns.reason' | 'columns.media' | 'columns.duration' | 'columns.size' | 'columns.submitted' | 'columns.finished' | 'columns.processing' | 'columns.trigger'> = {
  reason: 'columns.reason',
  media: 'columns.media',
  duration: 'columns.duration',
  size: 'columns.size',
  submitted: 'columns.submitted',
  finished: 'columns.finished',
  processing: 'columns.processing',
  trigger: 'columns.trigger',
};

/** Which columns the list shows, in a disclosure beside the table; the choice is the browser's (use-column-choice.ts). */
export function ColumnChooser({ visible, choose, reset }: { visible: Record<ChoosableColumn, boolean>; choose: (column: ChoosableColumn, shown: boolean) => void; reset: () => void }) {
  const t = useTranslations('list');
  return (
    <details className="chooser">
      <summary>{t('chooser.label')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('chooser.label')}</legend>
        {CHOOSABLE_COLUMNS.map((column) => (
          <label key={column} className="check">
            <input type="checkbox" checked={visible[column]} onChange={(event) => choose(column, event.target.checked)} />
            {t(LABELS[column])}
            {column === 'reason' && <span className="muted"> ({t('chooser.reasonAuto')})</span>}
          </label>
        ))}
        <p className="muted">{t('chooser.hint')}</p>
        <button type="button" className="small" onClick={reset}>
          {t('chooser.reset')}
        </button>
      </fieldset>
    </details>
  );
}
