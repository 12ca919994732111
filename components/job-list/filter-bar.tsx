'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent, type ReactNode } from 'react';
import { reasonText } from '@/components/ui/error-text';
import { useEarlyInput, type EarlyField } from '@/components/ui/use-early-input';
import { useTimeZone } from '@/components/ui/use-time-zone';
import { CHECK_IDS } from '@/lib/checks/check-ids';
import { JOB_ORDERS, JOB_STATUSES } from '@/lib/ice/list-jobs-params';
import { LIST_ONLY_FILTERS, type FilterName, type FilterPath, type FilterValues } from '@/lib/jobs/filter-values';
import { DEFAULT_PAGE_SIZE, REGION_PARAM, SINCE_PARAM } from '@/lib/jobs/list-query';
import { fromInputValue, isTimePreset, TIME_PRESETS, toInputValue, type TimePreset } from '@/lib/jobs/time-range';

// The list's one filter bar: ICE's filters and the portal's own search in one form with one submit.
// The URL is the only state: the form starts from the URL's values as written, so a value the server
// refused stays in its field, marked, to be corrected in place; submitting navigates to the first page
// of the new query. Rarely used filters sit behind "More filters", which opens by itself when one is
// set; on a phone the whole bar folds into one line that says what it filters.

/** Behind "More filters". */
const MORE: FilterName[] = ['JobId', 'VideoCodec', 'AudioCodec', 'Container', 'MinHeight', 'MaxHeight', 'HasVideo', 'HasAudio', 'Check', 'Spec', 'SpecResult', 'ErrorCode', 'ErrorMessage', 'FrameRate', 'OrderBy', 'PageSize'];
const TIME_FIELDS: FilterName[] = [SINCE_PARAM, 'StartOfCreateTime', 'EndOfCreateTime'];
const SEARCH_FIELDS: FilterName[] = ['Search', 'VideoCodec', 'AudioCodec', 'Container', 'MinHeight', 'MaxHeight', 'FrameRate', 'HasVideo', 'HasAudio', 'Check', 'Spec', 'SpecResult', 'ErrorCode', 'ErrorMessage'];
const VIDEO_CODECS = ['h264', 'hevc', 'av1', 'vp9', 'prores', 'mpeg2video'];
const AUDIO_CODECS = ['aac', 'ac3', 'eac3', 'opus', 'mp3', 'pcm_s16le'];
const CONTAINERS = ['mp4', 'mov', 'matroska', 'webm', 'mpegts', 'flv'];
const FRAME_RATES = ['23.98', '24', '25', '29.97', '30', '50', '59.94', '60'];
const PAGE_SIZES = ['10', '20', '50', '100'];
/** A spec chosen, the list shows the files that fail it unless told otherwise. */
const DEFAULT_SPEC_RESULT = 'fail';
/** ICE job ids are 32 hex characters: a pasted one goes straight to the job. */
const FULL_JOB_ID = /^[0-9a-f]{32}$/i;

type TimeChoice = 'any' | TimePreset | 'custom';

/** Each field's id: fixed, since there is one filter bar a page (and tests and links name them). */
const FIELD_IDS: Record<FilterName, string> = {
  Status: 'f-status',
  Since: 'f-since',
  StartOfCreateTime: 'f-start',
  EndOfCreateTime: 'f-end',
  Search: 's-search',
  JobId: 'f-jobid',
  VideoCodec: 's-video-codec',
  AudioCodec: 's-audio-codec',
  Container: 's-container',
  MinHeight: 's-min-height',
  MaxHeight: 's-max-height',
  FrameRate: 's-frame-rate',
  HasVideo: 's-has-video',
  HasAudio: 's-has-audio',
  Check: 's-check',
  Spec: 's-spec',
  SpecResult: 's-spec-result',
  ErrorCode: 's-error-code',
  ErrorMessage: 's-error-message',
  OrderBy: 'f-order',
  PageSize: 'f-size',
};

export interface FilterBarProps {
  /** The URL's filters as written. */
  values: FilterValues;
  /** The parameter the server refused, with the reason (errors.reasons) to show beside it. */
  invalid?: { field: string; params?: Record<string, string | number> };
  /** A search without a time range covers the last this many days; the time field says so. */
  searchDefaultDays: number;
  /** The page the filters apply to: the list (default), or the insights, which always cover a window (`searchDefaultDays` when none is set) and have no paging or order. */
  path?: FilterPath;
  /** The delivery specs a file can be filtered by passing or failing (MEDIA_SPECS_FILE); none, no such fields. */
  specs?: { id: string; name: string }[];
}

export function FilterBar({ values, invalid, searchDefaultDays, path = '/jobs', specs = [] }: FilterBarProps) {
  const forList = path === '/jobs';
  const t = useTranslations('filters');
  const tSearch = useTranslations('search');
  const tErrors = useTranslations('errors');
  const tChecks = useTranslations('checks.brief');
  const router = useRouter();
  const zone = useTimeZone();
  const id = useId();
  const [draft, setDraft] = useState<FilterValues>(values);
  const [time, setTime] = useState<TimeChoice>(() =>
    isTimePreset(values.Since) ? values.Since : values.StartOfCreateTime || values.EndOfCreateTime ? 'custom' : 'any',
  );
  const [start, setStart] = useState<string>();
  const [end, setEnd] = useState<string>();
  const [problem, setProblem] = useState<'incompleteDates' | 'endBeforeStart'>();
  const invalidField = invalid?.field as FilterName | undefined;
  const more = forList ? MORE : MORE.filter((name) => !LIST_ONLY_FILTERS.includes(name));
  const [moreOpen, setMoreOpen] = useState(() => more.some((name) => values[name]) || (!!invalidField && more.includes(invalidField)));
  // Opened before the page hydrated, the disclosure shows nothing and its toggle event is lost: its
  // fields are drawn on mount.
  const moreRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (moreRef.current?.open) setMoreOpen(true);
  }, []);
  const [expanded, setExpanded] = useState(!!invalid);

  // The refused field is where the reader's attention goes first.
  const invalidTarget = invalidField && (TIME_FIELDS.includes(invalidField) && time !== 'custom' ? SINCE_PARAM : invalidField);
  useEffect(() => {
    if (invalidTarget) document.getElementById(FIELD_IDS[invalidTarget])?.focus();
    // Once, when the page with the refusal arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = (name: FilterName) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }));
  const startValue = start ?? toInputValue(values.StartOfCreateTime, zone);
  const endValue = end ?? toInputValue(values.EndOfCreateTime, zone);
  const searching = !forList || SEARCH_FIELDS.some((name) => draft[name]?.trim());
  const fieldId = (name: FilterName) => FIELD_IDS[name];

  const drafted = (name: FilterName, shown = draft[name] ?? ''): [string, EarlyField] => [
    FIELD_IDS[name],
    { held: shown, take: (value) => setDraft((d) => ({ ...d, [name]: value })) },
  ];
  useEarlyInput({
    ...Object.fromEntries(
      (['Status', 'Search', 'JobId', 'VideoCodec', 'AudioCodec', 'Container', 'MinHeight', 'MaxHeight', 'FrameRate', 'HasVideo', 'HasAudio', 'Check', 'Spec', 'SpecResult', 'ErrorCode', 'ErrorMessage'] as const).map((name) => drafted(name)),
    ),
    ...Object.fromEntries([drafted('OrderBy', draft.OrderBy ?? 'CreateTimeDesc'), drafted('PageSize', draft.PageSize ?? String(DEFAULT_PAGE_SIZE))]),
    [FIELD_IDS.Since]: { held: time, take: (value) => setTime(value as TimeChoice) },
    [FIELD_IDS.StartOfCreateTime]: { held: startValue, take: setStart },
    [FIELD_IDS.EndOfCreateTime]: { held: endValue, take: setEnd },
  });

  /** The marks of a field the server refused: aria attributes, and the words under it. */
  const errorOf = (names: FilterName[]) => (invalidField && names.includes(invalidField) ? reasonText(tErrors, { params: invalid?.params }) : undefined);
  const marked = (name: FilterName) => (invalidField === name ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
  const errorNote = (names: FilterName[]): ReactNode => {
    const message = errorOf(names);
    return message ? (
      <p id={`${id}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };

  const region = useSearchParams().get(REGION_PARAM);

  /** A whole JobId pasted into its field opens that job, found in whichever region has it. */
  const openPastedJob = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text').trim();
    if (FULL_JOB_ID.test(pasted)) {
      event.preventDefault();
      router.push(`/jobs/${pasted}`);
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    // The filters change; the region read stays.
    if (region) params.set(REGION_PARAM, region);
    const put = (name: FilterName, value: string | undefined) => {
      const trimmed = value?.trim();
      if (trimmed) params.set(name, trimmed);
    };
    put('Status', draft.Status);
    if (time === 'custom') {
      const from = startValue ? fromInputValue(startValue, zone) : undefined;
      const to = endValue ? fromInputValue(endValue, zone) : undefined;
      if ((startValue && !from) || (endValue && !to)) return setProblem('incompleteDates');
      if (from && to && to < from) return setProblem('endBeforeStart');
      put('StartOfCreateTime', from);
      put('EndOfCreateTime', to);
    } else if (time !== 'any') {
      put(SINCE_PARAM, time);
    }
    setProblem(undefined);
    const jobId = draft.JobId?.trim() ?? '';
    if (forList && FULL_JOB_ID.test(jobId) && !values.JobId) return router.push(`/jobs/${jobId}`);
    for (const name of ['Search', 'JobId', 'VideoCodec', 'AudioCodec', 'Container', 'MinHeight', 'MaxHeight', 'FrameRate', 'HasVideo', 'HasAudio', 'Check', 'Spec', 'ErrorCode', 'ErrorMessage'] as const) put(name, draft[name]);
    // What the field shows until changed; the field may never have been drawn (More filters closed).
    if (draft.Spec?.trim()) put('SpecResult', draft.SpecResult || DEFAULT_SPEC_RESULT);
    if (forList && draft.OrderBy && draft.OrderBy !== 'CreateTimeDesc') put('OrderBy', draft.OrderBy);
    if (forList && draft.PageSize && draft.PageSize !== String(DEFAULT_PAGE_SIZE)) put('PageSize', draft.PageSize);
    const query = params.toString();
    router.push(query ? `${path}?${query}` : path);
  };

  const summary = [
    values.Status && (JOB_STATUSES as readonly string[]).includes(values.Status) ? t(`statuses.${values.Status as (typeof JOB_STATUSES)[number]}`) : values.Status,
    isTimePreset(values.Since) ? t(`presets.${values.Since}`) : values.StartOfCreateTime || values.EndOfCreateTime ? t('customRange') : undefined,
    values.Search ? `“${values.Search}”` : undefined,
  ].filter(Boolean);
  const moreSet = more.filter((name) => values[name]).length;
  if (moreSet > 0) summary.push(t('moreSet', { count: moreSet }));

  const textField = (name: FilterName, label: string, options?: string[], extra?: { size?: number; numeric?: boolean; placeholder?: string }) => (
    <div className="field" key={name}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <input
        id={fieldId(name)}
        value={draft[name] ?? ''}
        onChange={set(name)}
        list={options ? `${fieldId(name)}-list` : undefined}
        size={extra?.size}
        inputMode={extra?.numeric ? 'numeric' : undefined}
        placeholder={extra?.placeholder}
        autoComplete="off"
        spellCheck={false}
        onPaste={name === 'JobId' ? openPastedJob : undefined}
        {...marked(name)}
      />
      {options && (
        <datalist id={`${fieldId(name)}-list`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      {errorNote([name])}
    </div>
  );

  /**
   * A field of fixed choices. `any` is the empty choice's words ("Any"); a value the URL holds that is
   * no choice stays in the list, so a refused one shows where it can be corrected.
   */
  const choice = (name: FilterName, label: string, options: [value: string, label: string][], extra: { any?: string; initial?: string; disabled?: boolean; data?: boolean } = {}) => {
    const value = draft[name] ?? extra.initial ?? '';
    return (
      <div className="field" key={name}>
        <label htmlFor={fieldId(name)}>{label}</label>
        <select id={fieldId(name)} value={value} onChange={set(name)} disabled={extra.disabled} {...marked(name)}>
          {extra.any !== undefined && <option value="">{extra.any}</option>}
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue} translate={extra.data ? 'no' : undefined}>
              {optionLabel}
            </option>
          ))}
          {value && !options.some(([optionValue]) => optionValue === value) && <option value={value}>{value}</option>}
        </select>
        {errorNote([name])}
      </div>
    );
  };
  const yesNo = (name: 'HasAudio' | 'HasVideo', label: string) =>
    choice(
      name,
      label,
      [
        ['true', tSearch('yes')],
        ['false', tSearch('no')],
      ],
      { any: tSearch('either') },
    );

  return (
    <form className={`filter-bar${expanded ? ' expanded' : ''}`} role="search" aria-label={t('label')} onSubmit={apply} noValidate>
      <button type="button" className="filters-toggle" aria-expanded={expanded} aria-controls={`${id}-body`} onClick={() => setExpanded(!expanded)}>
        {t('summaryLine', { summary: summary.length > 0 ? summary.join(' · ') : t('noFilters') })}
      </button>
      <div id={`${id}-body`} className="filter-body">
        <div className="filter-row">
          {choice(
            'Status',
            t('status'),
            JOB_STATUSES.map((status) => [status, t(`statuses.${status}`)]),
            { any: t('anyStatus') },
          )}

          <div className="field time-field">
            <label htmlFor={fieldId(SINCE_PARAM)}>{t('created', { zone })}</label>
            <div className="presets">
              <select
                id={fieldId(SINCE_PARAM)}
                value={time}
                onChange={(e) => setTime(e.target.value as TimeChoice)}
                {...(invalidField && TIME_FIELDS.includes(invalidField) ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
              >
                <option value="any">{searching ? t(forList ? 'searchDefault' : 'windowDefault', { days: searchDefaultDays }) : t('anyTime')}</option>
                {TIME_PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t(`presets.${p.id}`)}
                  </option>
                ))}
                <option value="custom">{t('customRange')}</option>
              </select>
              {time === 'custom' && (
                <>
                  <label className="visually-hidden" htmlFor={fieldId('StartOfCreateTime')}>
                    {t('createdFrom')}
                  </label>
                  <input id={fieldId('StartOfCreateTime')} type="datetime-local" value={startValue} onChange={(e) => setStart(e.target.value)} {...marked('StartOfCreateTime')} />
                  <span aria-hidden="true">–</span>
                  <label className="visually-hidden" htmlFor={fieldId('EndOfCreateTime')}>
                    {t('createdUntil')}
                  </label>
                  <input id={fieldId('EndOfCreateTime')} type="datetime-local" value={endValue} onChange={(e) => setEnd(e.target.value)} {...marked('EndOfCreateTime')} />
                </>
              )}
            </div>
            {errorNote(TIME_FIELDS)}
            {problem && (
              <p role="alert" className="field-error">
                {t(problem)}
              </p>
            )}
          </div>

          <div className="field search-field">
            <label htmlFor={fieldId('Search')}>{tSearch('text')}</label>
            <input
              id={fieldId('Search')}
              type="search"
              value={draft.Search ?? ''}
              onChange={set('Search')}
              placeholder={tSearch('placeholder')}
              autoComplete="off"
              spellCheck={false}
              {...marked('Search')}
            />
            {errorNote(['Search'])}
          </div>

          <div className="field filter-actions">
            <button type="submit" className="primary">
              {t('apply')}
            </button>
            <button type="button" onClick={() => router.push(region ? `${path}?${new URLSearchParams({ [REGION_PARAM]: region })}` : path)}>
              {t('clear')}
            </button>
          </div>
        </div>

        <details ref={moreRef} className="more-filters" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>{moreSet > 0 ? t('moreWithCount', { count: moreSet }) : t('more')}</summary>
          {/* Drawn only while open: closed, its 16 fields were still drawn, about a tenth of a list page's
              elements, and the server's time for the page follows its element count (docs/benchmarks.md). */}
          {moreOpen && (
            <div className="filter-row">
              {textField('JobId', t('jobId'), undefined, { size: 34, placeholder: t('jobIdPlaceholder') })}
              {textField('VideoCodec', tSearch('videoCodec'), VIDEO_CODECS, { size: 9 })}
              {textField('AudioCodec', tSearch('audioCodec'), AUDIO_CODECS, { size: 9 })}
              {textField('Container', tSearch('container'), CONTAINERS, { size: 9 })}
              {textField('MinHeight', tSearch('heightFrom'), undefined, { size: 6, numeric: true, placeholder: '1080' })}
              {textField('MaxHeight', tSearch('heightTo'), undefined, { size: 6, numeric: true })}
              {textField('FrameRate', tSearch('frameRate'), FRAME_RATES, { size: 6, placeholder: '25' })}
              {yesNo('HasVideo', tSearch('hasVideo'))}
              {yesNo('HasAudio', tSearch('hasAudio'))}
              {choice(
                'Check',
                tSearch('check'),
                CHECK_IDS.map((checkId) => [checkId, tChecks(`titles.${checkId}`)]),
                { any: tSearch('anyCheck') },
              )}
              {(specs.length > 0 || draft.Spec) && (
                <>
                  {choice(
                    'Spec',
                    tSearch('spec'),
                    specs.map((spec) => [spec.id, spec.name]),
                    { any: tSearch('anySpec'), data: true },
                  )}
                  {choice(
                    'SpecResult',
                    tSearch('specResult'),
                    [
                      ['fail', tSearch('specFails')],
                      ['pass', tSearch('specPasses')],
                    ],
                    { initial: DEFAULT_SPEC_RESULT, disabled: !draft.Spec },
                  )}
                </>
              )}
              {textField('ErrorCode', tSearch('errorCode'), undefined, { size: 14 })}
              {textField('ErrorMessage', tSearch('errorMessage'), undefined, { size: 28 })}
              {forList && (
                <>
                  {choice(
                    'OrderBy',
                    t('order'),
                    JOB_ORDERS.map((order) => [order, t(`orders.${order}`)]),
                    { initial: 'CreateTimeDesc' },
                  )}
                  {choice(
                    'PageSize',
                    t('pageSize'),
                    PAGE_SIZES.map((size) => [size, size]),
                    { initial: String(DEFAULT_PAGE_SIZE) },
                  )}
                </>
              )}
            </div>
          )}
        </details>
      </div>
    </form>
  );
}
