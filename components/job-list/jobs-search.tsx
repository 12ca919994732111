'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { listHref, withFilters, type ListQuery } from '@/lib/jobs/list-query';
import type { SearchFilters } from '@/lib/jobs/search-filters';

// The portal's own filters: a free-text search and media properties. ICE cannot filter on these, so the
// portal scans pages and shows how far it got (components/job-list/search-progress.tsx).

const VIDEO_CODECS = ['h264', 'hevc', 'av1', 'vp9', 'prores', 'mpeg2video'];
const AUDIO_CODECS = ['aac', 'ac3', 'eac3', 'opus', 'mp3', 'pcm_s16le'];
const CONTAINERS = ['mp4', 'mov', 'matroska', 'webm', 'mpegts', 'flv'];

type Draft = Record<'Search' | 'VideoCodec' | 'AudioCodec' | 'Container' | 'MinHeight' | 'MaxHeight' | 'HasAudio' | 'HasVideo', string>;

const draftOf = (search: SearchFilters): Draft => ({
  Search: search.Search ?? '',
  VideoCodec: search.VideoCodec ?? '',
  AudioCodec: search.AudioCodec ?? '',
  Container: search.Container ?? '',
  MinHeight: search.MinHeight?.toString() ?? '',
  MaxHeight: search.MaxHeight?.toString() ?? '',
  HasAudio: search.HasAudio === undefined ? '' : String(search.HasAudio),
  HasVideo: search.HasVideo === undefined ? '' : String(search.HasVideo),
});

export function JobsSearch({ query }: { query: ListQuery }) {
  const t = useTranslations('search');
  const router = useRouter();
  const [draft, setDraft] = useState(() => draftOf(query.search));
  const set = (name: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const text = (value: string) => value.trim() || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    router.push(
      listHref(
        withFilters(query, {
          Search: text(draft.Search),
          VideoCodec: text(draft.VideoCodec),
          AudioCodec: text(draft.AudioCodec),
          Container: text(draft.Container),
          MinHeight: text(draft.MinHeight) === undefined ? undefined : Number(draft.MinHeight),
          MaxHeight: text(draft.MaxHeight) === undefined ? undefined : Number(draft.MaxHeight),
          HasAudio: draft.HasAudio === '' ? undefined : draft.HasAudio === 'true',
          HasVideo: draft.HasVideo === '' ? undefined : draft.HasVideo === 'true',
        }),
      ),
    );
  };

  const yesNo = (name: 'HasAudio' | 'HasVideo', label: string) => (
    <div className="field">
      <label htmlFor={`s-${name}`}>{label}</label>
      <select id={`s-${name}`} value={draft[name]} onChange={set(name)}>
        <option value="">{t('either')}</option>
        <option value="true">{t('yes')}</option>
        <option value="false">{t('no')}</option>
      </select>
    </div>
  );

  return (
    <form className="filters" role="search" aria-label={t('label')} onSubmit={submit}>
      <div className="field" style={{ flex: '1 1 16rem' }}>
        <label htmlFor="s-search">{t('text')}</label>
        <input id="s-search" type="search" value={draft.Search} onChange={set('Search')} placeholder={t('placeholder')} autoComplete="off" spellCheck={false} />
      </div>
      {(
        [
          ['VideoCodec', t('videoCodec'), VIDEO_CODECS],
          ['AudioCodec', t('audioCodec'), AUDIO_CODECS],
          ['Container', t('container'), CONTAINERS],
        ] as const
      ).map(([name, label, options]) => (
        <div className="field" key={name}>
          <label htmlFor={`s-${name}`}>{label}</label>
          <input id={`s-${name}`} list={`s-${name}-list`} value={draft[name]} onChange={set(name)} size={10} autoComplete="off" spellCheck={false} />
          <datalist id={`s-${name}-list`}>
            {options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </div>
      ))}
      <div className="field">
        <label htmlFor="s-min-height">{t('heightFrom')}</label>
        <input id="s-min-height" type="number" inputMode="numeric" min={1} value={draft.MinHeight} onChange={set('MinHeight')} style={{ width: '6rem' }} placeholder="1080" />
      </div>
      <div className="field">
        <label htmlFor="s-max-height">{t('heightTo')}</label>
        <input id="s-max-height" type="number" inputMode="numeric" min={1} value={draft.MaxHeight} onChange={set('MaxHeight')} style={{ width: '6rem' }} />
      </div>
      {yesNo('HasVideo', t('hasVideo'))}
      {yesNo('HasAudio', t('hasAudio'))}
      <div className="field" style={{ flexDirection: 'row', gap: '0.4rem' }}>
        <button type="submit" className="primary">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
