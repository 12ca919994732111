'use client';

import { useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { useErrorText } from '@/components/ui/use-error-text';
import { useIceWords } from '@/components/ui/use-ice-words';
import { useJobRows } from '@/lib/api-client/use-job-rows';
import { needsCjkFont } from '@/lib/i18n/cjk-text';
import type { Locale } from '@/lib/i18n/locales';
import type { JobRow } from '@/lib/jobs/job-summary';
import { jobPageHref, REGION_PARAM, type ListQuery } from '@/lib/jobs/list-query';
import { JobsExport, type ExportCoverage } from './jobs-export';
import { SelectionBar } from './selection-bar';
import { ColumnChooser } from './table/column-chooser';
import { columnLayout } from './table/column-widths';
import { CHOOSABLE_COLUMNS, defaultVisibility, jobColumns, jobTableFeatures, NUMERIC_COLUMNS, type ChoosableColumn } from './table/job-columns';
import { useColumnChoice } from './table/use-column-choice';
import { useSelection } from './use-selection';

export interface JobsTableProps {
  rows: JobRow[];
  /** The list's query string for /api/jobs; set only on a first page, the one that refreshes itself. */
  liveQuery?: string;
  filtered: boolean;
  /** A job in Init for longer than this is marked as possibly stuck (STUCK_AFTER_MINUTES). */
  stuckAfterMs: number;
  /** When the server rendered the rows: "now" in the server's HTML and while it hydrates. */
  renderedAtMs: number;
  /** The list's query and what an export of it covers, for the Export control beside the table. */
  exportQuery: ListQuery;
  exportCoverage: ExportCoverage;
}

/**
 * `latin`: the row holds no character the CJK web font draws, so it is laid out without that font
 * (lib/i18n/cjk-text.ts), the same to the eye and a quarter less layout for a page of 100 such rows.
 */
function rowClass(selected: boolean, latin: boolean): string | undefined {
  return [selected && 'selected', latin && 'latin'].filter(Boolean).join(' ') || undefined;
}

/** How long the "Copied" of a row's copy button stays. */
const COPIED_MS = 2000;

/**
 * The list's table: TanStack Table's columns and their visibility over the page's rows, with tick
 * boxes, kept live on a first page. Columns are the browser's choice (a chooser beside the table),
 * selection is the URL's; at 360 px the rows become cards (globals.css).
 */
export function JobsTable({ rows: initialRows, liveQuery, filtered, stuckAfterMs, renderedAtMs, exportQuery, exportCoverage }: JobsTableProps) {
  const t = useTranslations('list');
  const tChecks = useTranslations('checks.brief');
  const locale = useLocale() as Locale;
  const describe = useErrorText();
  const { trigger } = useIceWords();
  const { data: rows = initialRows, error } = useJobRows({ liveQuery, initialRows });
  const [copiedId, setCopiedId] = useState<string>();
  useEffect(() => {
    if (!copiedId) return;
    const timer = setTimeout(() => setCopiedId(undefined), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copiedId]);
  const copy = useCallback((jobId: string) => {
    navigator.clipboard.writeText(jobId).then(
      () => setCopiedId(jobId),
      () => setCopiedId(undefined),
    );
  }, []);

  const { choice, choose, reset } = useColumnChoice();
  const visible = useMemo(() => ({ ...defaultVisibility(rows), ...choice }), [rows, choice]);
  const { selected, setSelected } = useSelection();
  const ticked = useMemo(() => new Set(selected), [selected]);
  const select = useCallback(
    (jobIds: string[], on: boolean) => setSelected(on ? [...new Set([...selected, ...jobIds])] : selected.filter((jobId) => !jobIds.includes(jobId))),
    [selected, setSelected],
  );

  const table = useTable({
    features: jobTableFeatures,
    columns: jobColumns,
    data: rows,
    getRowId: (row) => row.JobId,
    state: { columnVisibility: visible },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(visible) : updater;
      for (const column of CHOOSABLE_COLUMNS) if (next[column] !== visible[column]) choose(column, next[column] ?? true);
    },
    meta: { t, tChecks, locale, renderedAtMs, stuckAfterMs, trigger, copiedId, copy, jobHref: (jobId) => jobPageHref(jobId, exportQuery.region), selected: ticked, select },
  });

  if (rows.length === 0) {
    return (
      <EmptyState title={filtered ? t('emptyFiltered') : t('empty')}>
        {filtered ? <p>{t.rich('emptyFilteredHint', { link: (chunks) => <Link href={exportQuery.region ? `/jobs?${REGION_PARAM}=${encodeURIComponent(exportQuery.region)}` : '/jobs'}>{chunks}</Link> })}</p> : <p>{t('emptyHint')}</p>}
      </EmptyState>
    );
  }

  const columns = table.getVisibleLeafColumns();
  const layout = columnLayout(columns.map((column) => column.id));
  // The page's own words in a row (status, Copy, the badges) are English only on an English page.
  const latinWords = locale === 'en';
  return (
    <>
      {error && (
        <p className="muted" role="status">
          {t('livePaused', { message: describe(error) })}
        </p>
      )}
      <div className="list-tools">
        <SelectionBar selected={selected} clear={() => setSelected([])} />
        <JobsExport query={exportQuery} coverage={exportCoverage} />
        <ColumnChooser visible={visible as Record<ChoosableColumn, boolean>} choose={choose} reset={reset} />
      </div>
      <div className="table-scroll" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
        <table className="jobs-table" style={{ '--least-width': layout.minWidth } as CSSProperties}>
          <caption id="jobs-caption">{liveQuery !== undefined ? t('captionLive') : t('caption')}</caption>
          <colgroup>
            {columns.map((column) => (
              <col key={column.id} className={`col-${column.id}`} style={{ width: layout.widths[column.id] }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={NUMERIC_COLUMNS.has(header.column.id) ? 'num' : undefined} data-col={header.column.id}>
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-job-id={row.id} className={rowClass(ticked.has(row.id), latinWords && !needsCjkFont(row.original))}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? 'num' : undefined} data-col={cell.column.id}>
                    {/* A box of its own, which the browser skips laying out while its row is off screen (globals.css). */}
                    <div className="cell">
                      <table.FlexRender cell={cell} />
                    </div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
