import { useLocale, useTranslations } from 'next-intl';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { formatResolution } from '@/lib/format/resolution';
import type { FileBasicInfo } from '@/lib/ice/schemas';

const isWebUrl = (url: string | undefined) => !!url && /^https?:\/\//i.test(url);

export function FileInfo({ file }: { file: FileBasicInfo }) {
  const t = useTranslations('job');
  const locale = useLocale();
  const bytes = parseMediaNumber(file.FileSize);
  return (
    <section aria-labelledby="file-info">
      <h2 id="file-info">{t('file')}</h2>
      <dl className="facts">
        <dt>{t('fileInfo.fileName')}</dt>
        <dd>{file.FileName || MISSING}</dd>
        <dt>{t('fileInfo.format')}</dt>
        <dd>{file.FormatName || MISSING}</dd>
        <dt>{t('fileInfo.duration')}</dt>
        <dd>{formatDuration(file.Duration)}</dd>
        <dt>{t('fileInfo.size')}</dt>
        <dd title={bytes === undefined ? undefined : t('fileInfo.sizeBytes', { bytes })}>{formatBytes(bytes, locale)}</dd>
        <dt>{t('fileInfo.bitrate')}</dt>
        <dd>{formatBitrate(file.Bitrate)}</dd>
        <dt>{t('fileInfo.resolution')}</dt>
        <dd>{formatResolution(file.Width, file.Height)}</dd>
        <dt>{t('fileInfo.url')}</dt>
        <dd>
          {isWebUrl(file.FileUrl) ? (
            <a href={file.FileUrl} rel="noreferrer noopener" target="_blank">
              {file.FileUrl}
            </a>
          ) : (
            file.FileUrl || MISSING
          )}
        </dd>
        <dt>{t('fileInfo.mediaId')}</dt>
        <dd>{file.MediaId ? <code>{file.MediaId}</code> : MISSING}</dd>
        <dt>{t('fileInfo.typeStatus')}</dt>
        <dd>
          {file.FileType || MISSING} / {file.FileStatus || MISSING}
        </dd>
        <dt>{t('fileInfo.region')}</dt>
        <dd>{file.Region || MISSING}</dd>
      </dl>
    </section>
  );
}
