import { formatBitrate } from '@/lib/format/bitrate';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';
import { formatResolution } from '@/lib/format/resolution';
import type { FileBasicInfo } from '@/lib/ice/schemas';

const isWebUrl = (url: string | undefined) => !!url && /^https?:\/\//i.test(url);

export function FileInfo({ file }: { file: FileBasicInfo }) {
  return (
    <section aria-labelledby="file-info">
      <h2 id="file-info">File</h2>
      <dl className="facts">
        <dt>File name</dt>
        <dd>{file.FileName || '—'}</dd>
        <dt>Format</dt>
        <dd>{file.FormatName || '—'}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(file.Duration)}</dd>
        <dt>Size</dt>
        <dd title={file.FileSize ? `${file.FileSize} bytes` : undefined}>{formatBytes(file.FileSize)}</dd>
        <dt>Bitrate</dt>
        <dd>{formatBitrate(file.Bitrate)}</dd>
        <dt>Resolution</dt>
        <dd>{formatResolution(file.Width, file.Height)}</dd>
        <dt>URL</dt>
        <dd>
          {isWebUrl(file.FileUrl) ? (
            <a href={file.FileUrl} rel="noreferrer noopener" target="_blank">
              {file.FileUrl}
            </a>
          ) : (
            file.FileUrl || '—'
          )}
        </dd>
        <dt>MediaId</dt>
        <dd>{file.MediaId ? <code>{file.MediaId}</code> : '—'}</dd>
        <dt>Type / status</dt>
        <dd>
          {file.FileType || '—'} / {file.FileStatus || '—'}
        </dd>
        <dt>Region</dt>
        <dd>{file.Region || '—'}</dd>
      </dl>
    </section>
  );
}
