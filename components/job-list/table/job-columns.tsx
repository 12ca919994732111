'use client';

import Link from 'next/link';
import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CheckBadges } from '@/components/checks/check-badges';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatBytes } from '@/lib/format/bytes';
import { formatElapsed } from '@/lib/format/duration';
import { MISSING } from '@/lib/format/numbers';
import { shortenMiddle } from '@/lib/format/shorten';
import { withLatin } from '@/lib/i18n/cjk-text';
import type { Locale } from '@/lib/i18n/locales';
import type { JobRow } from '@/lib/jobs/job-summary';
import { StuckAge, ZonedTime, ZoneHeading } from './live-cells';

// The list's columns for TanStack Table: which there are, what each cell shows, and which a person may
// hide. Cells read what they share (translations, the copy handler, the selection) from the table's
// meta, so these definitions stay one module-level constant, as the library wants them; the times and
// a waiting job's age read the zone and the clock themselves (live-cells.tsx).

/** What every cell may need, handed to the table once per render. */
export interface JobTableMeta {
  t: ReturnType<typeof useTranslations<'list'>>;
  /** The checks' words, for the badges in the media cell. */
  tChecks: ReturnType<typeof useTranslations<'checks.brief'>>;
  locale: Locale;
  /** When the server rendered the rows: a waiting job's age counts from it while the page hydrates. */
  renderedAtMs: number;
  /** A job in Init for longer than this is marked as possibly stuck. */
  stuckAfterMs: number;
  /** ICE's trigger words in the page's language. */
  trigger: (value: string) => string;
  /** The JobId whose copy button just worked, and the copy itself. */
  copiedId?: string;
  copy: (jobId: string) => void;
  /** The job page's address: in the list's region, while the portal reads several. */
  jobHref: (jobId: string) => string;
  /** The ticked JobIds (the URL's, use-selection.ts), on this page or others. */
  selected: ReadonlySet<string>;
  /** Ticks or unticks these jobs, leaving the others as they are. */
  select: (jobIds: string[], on: boolean) => void;
}

// Selection is the URL's and flat (no sub-rows, no rules about which rows may be ticked): the tick
// boxes read and set it through the meta. TanStack's row-selection feature, which exists for those
// rules, would be 2 KiB (gzipped) of every list page's first load.
export const jobTableFeatures = tableFeatures({ columnVisibilityFeature, tableMeta: {} as JobTableMeta });

const column = createColumnHelper<typeof jobTableFeatures, JobRow>();

/** Columns a person may hide or show; the others (selection, the job, its status) always show. */
export const CHOOSABLE_COLUMNS = ['reason', 'media', 'duration', 'size', 'submitted', 'finished', 'processing', 'trigger'] as const;
export type ChoosableColumn = (typeof CHOOSABLE_COLUMNS)[number];

/**
 * Shown until a person chooses: the failure reason while the page holds a failed job, the media and
 * its duration while it holds a probed one, so a page of failures gives their reasons the room.
 */
export function defaultVisibility(rows: JobRow[]): Record<ChoosableColumn, boolean> {
  const probed = rows.some((row) => mediaLine(row) !== MISSING);
  return {
    reason: rows.some((row) => row.Status === 'Fail'),
    media: probed,
    duration: probed,
    size: false,
    submitted: true,
    finished: false,
    processing: true,
    trigger: false,
  };
}

/** Characters of a name or a file shown in a cell; the whole text is on hover. */
const NAME_CHARS = 60;
const FILE_CHARS = 36;

const present = (value: string) => (value && value !== MISSING ? value : undefined);

function mediaLine(row: JobRow): string {
  const codecs = [present(row.videoCodecs), present(row.audioCodecs)].filter(Boolean).join(' / ');
  return [present(row.container), present(row.resolution), present(row.frameRate), codecs].filter(Boolean).join(' · ') || MISSING;
}

/** Whether the file adds nothing to the name: the same, or the same but for its extension ("keynote" and "keynote.mp4"). */
function repeatsName(name: string | undefined, fileName: string): boolean {
  if (!name || !present(fileName)) return true;
  const bare = fileName.replace(/\.[^.]*$/, '');
  return name === fileName || name === bare || name.includes(fileName) || (bare.length >= 6 && name.includes(bare));
}

/** "InvalidParameter.ResourceNotFound" may wrap after its dots rather than inside a word. */
function breakAfterDots(code: string): ReactNode[] {
  return code.split('.').flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, `.${part}`]));
}

function shortId(jobId: string): string {
  return jobId.length > 14 ? `${jobId.slice(0, 8)}…${jobId.slice(-4)}` : jobId;
}

export const jobColumns = column.columns([
  column.display({
    id: 'select',
    header: ({ table }) => {
      const { t, selected, select } = table.options.meta!;
      const jobIds = table.getRowModel().rows.map((row) => row.id);
      const ticked = jobIds.filter((jobId) => selected.has(jobId)).length;
      return (
        <input
          type="checkbox"
          aria-label={t('selection.page')}
          checked={ticked > 0 && ticked === jobIds.length}
          ref={(box) => {
            if (box) box.indeterminate = ticked > 0 && ticked < jobIds.length;
          }}
          onChange={(event) => select(jobIds, event.target.checked)}
        />
      );
    },
    cell: ({ row, table }) => {
      const { t, selected, select } = table.options.meta!;
      return (
        <input
          type="checkbox"
          aria-label={t('selection.job', { jobId: row.original.JobId })}
          checked={selected.has(row.id)}
          onChange={(event) => select([row.id], event.target.checked)}
        />
      );
    },
  }),
  column.accessor('Name', {
    id: 'job',
    header: ({ table }) => table.options.meta!.t('columns.job'),
    cell: ({ row, table }) => {
      const { t, copiedId, copy, jobHref } = table.options.meta!;
      const { JobId, Name, fileName } = row.original;
      const title = Name || fileName;
      return (
        <>
          <Link href={jobHref(JobId)} className={withLatin(title, 'job-link')} prefetch={false} title={title} translate="no">
            {shortenMiddle(title, NAME_CHARS)}
          </Link>
          <span className="secondary muted">
            <span className={withLatin(JobId, 'mono')} title={JobId} translate="no">
              {shortId(JobId)}
            </span>{' '}
            <button type="button" className="small copy" onClick={() => copy(JobId)} aria-label={t('copyJobId', { jobId: JobId })}>
              {copiedId === JobId ? t('copied') : t('copy')}
            </button>
            {repeatsName(Name, fileName) ? null : (
              <span className={withLatin(fileName)} title={fileName} translate="no">
                {' · '}
                {shortenMiddle(fileName, FILE_CHARS)}
              </span>
            )}
          </span>
        </>
      );
    },
  }),
  column.accessor('Status', {
    id: 'status',
    header: ({ table }) => table.options.meta!.t('columns.status'),
    cell: ({ row, table }) => {
      const { renderedAtMs, stuckAfterMs } = table.options.meta!;
      const { Status, SubmitTime } = row.original;
      return (
        <>
          <StatusBadge status={Status} />
          {Status === 'Init' && <StuckAge submitTime={SubmitTime} renderedAtMs={renderedAtMs} stuckAfterMs={stuckAfterMs} />}
        </>
      );
    },
  }),
  column.accessor((row) => row.failure, {
    id: 'reason',
    header: ({ table }) => table.options.meta!.t('columns.reason'),
    cell: ({ row }) => {
      const failure = row.original.failure;
      if (!failure) return <span className="muted">{MISSING}</span>;
      const full = [failure.code, failure.message].filter(Boolean).join(': ');
      // Focusable, so the whole message can be read from the keyboard too (the cell opens on focus).
      return (
        <span className={withLatin(full, 'reason')} tabIndex={0} title={full} translate="no">
          {failure.code && <code>{breakAfterDots(failure.code)}</code>}
          {failure.code && failure.message ? ' ' : ''}
          {failure.message}
        </span>
      );
    },
  }),
  column.accessor(mediaLine, {
    id: 'media',
    header: ({ table }) => table.options.meta!.t('columns.media'),
    cell: ({ getValue, row, table }) => {
      const { tChecks, jobHref } = table.options.meta!;
      return (
        <>
          {getValue() === MISSING ? (
            <span className="muted">{MISSING}</span>
          ) : (
            <span className={withLatin(getValue(), 'media')} translate="no" title={getValue()}>
              {getValue()}
            </span>
          )}
          <CheckBadges findings={row.original.checks ?? []} href={jobHref(row.original.JobId)} t={tChecks} />
        </>
      );
    },
  }),
  column.accessor('duration', {
    id: 'duration',
    header: ({ table }) => table.options.meta!.t('columns.duration'),
    cell: ({ getValue }) => getValue(),
  }),
  column.accessor('sizeBytes', {
    id: 'size',
    header: ({ table }) => table.options.meta!.t('columns.size'),
    cell: ({ getValue, table }) => formatBytes(getValue(), table.options.meta!.locale),
  }),
  column.accessor('SubmitTime', {
    id: 'submitted',
    header: () => <ZoneHeading column="submitted" />,
    cell: ({ getValue }) => (
      <>
        {/* A card at 360 px has no header row: its time says what it is. */}
        <span className="card-label">
          <ZoneHeading column="submitted" />{' '}
        </span>
        <ZonedTime iso={getValue()} />
      </>
    ),
  }),
  column.accessor('FinishTime', {
    id: 'finished',
    header: () => <ZoneHeading column="finished" />,
    cell: ({ getValue }) => <ZonedTime iso={getValue()} />,
  }),
  column.accessor('processingMs', {
    id: 'processing',
    header: ({ table }) => table.options.meta!.t('columns.processing'),
    cell: ({ getValue, table }) => formatElapsed(getValue(), table.options.meta!.locale),
  }),
  column.accessor('TriggerSource', {
    id: 'trigger',
    header: ({ table }) => table.options.meta!.t('columns.trigger'),
    cell: ({ getValue, table }) => {
      const trigger = getValue();
      if (!trigger) return MISSING;
      // ICE's own word, translated for people; the raw value on hover.
      return <span title={trigger}>{table.options.meta!.trigger(trigger)}</span>;
    },
  }),
]);

/** Numbers line up on the right. */
export const NUMERIC_COLUMNS = new Set(['duration', 'size', 'processing']);
