import { compareJobs } from '@/lib/compare/compare-jobs';
import { parseCompareIds } from '@/lib/compare/compare-query';
import type { MediaInfoJob } from '@/lib/ice/schemas';

// Side by side: facts and streams row by row, streams matched by type and position, a stream one file
// lacks said as missing, a job that could not be read left out of the differences; and the ids read
// from a paste.

const source: MediaInfoJob = {
  JobId: 'a'.repeat(32),
  Status: 'Success',
  MediaInfoProperty: {
    FileBasicInfo: { FileName: 'master.mov', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '60.000000', FileSize: '900000000', Bitrate: '120000.000', Width: '3840', Height: '2160' },
    VideoStreamInfoList: [{ Codec_name: 'hevc', Profile: 'Main 10', Width: '3840', Height: '2160', PixFmt: 'yuv420p10le', Avg_fps: '25.0', Bit_rate: '118000.000', Sar: '1:1', Dar: '16:9', Duration: '60.000000' }],
    AudioStreamInfoList: [
      { CodecName: 'pcm_s24le', SampleRate: '48000', Channels: '2', ChannelLayout: 'stereo', Lang: 'eng', Duration: '60.000000' },
      { CodecName: 'pcm_s24le', SampleRate: '48000', Channels: '6', ChannelLayout: '5.1', Lang: 'eng', Duration: '60.000000' },
    ],
  },
} as MediaInfoJob;
const transcode: MediaInfoJob = {
  JobId: 'b'.repeat(32),
  Status: 'Success',
  MediaInfoProperty: {
    FileBasicInfo: { FileName: 'web.mp4', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '60.000000', FileSize: '45000000', Bitrate: '6000.000', Width: '1920', Height: '1080' },
    VideoStreamInfoList: [{ Codec_name: 'h264', Profile: 'High', Width: '1920', Height: '1080', PixFmt: 'yuv420p', Avg_fps: '25.0', Bit_rate: '5800.000', Sar: '1:1', Dar: '16:9', Duration: '60.000000' }],
    AudioStreamInfoList: [{ CodecName: 'aac', SampleRate: '48000', Channels: '2', ChannelLayout: 'stereo', Lang: 'eng', Duration: '60.021000' }],
  },
} as MediaInfoJob;

const rowOf = (sections: ReturnType<typeof compareJobs>, key: string) => sections.flatMap((s) => s.rows).find((r) => r.key === key)!;

it('lays two files side by side, marking the rows that differ and only those', () => {
  const sections = compareJobs([source, transcode], 'en');
  expect(sections.map((s) => [s.kind, s.position])).toEqual([
    ['file', undefined],
    ['video', 0],
    ['audio', 0],
    ['audio', 1],
  ]);
  expect(rowOf(sections, 'file.resolution')).toEqual({ key: 'file.resolution', label: 'resolution', values: ['3840×2160', '1920×1080'], differs: true });
  expect(rowOf(sections, 'file.duration').differs).toBe(false);
  expect(rowOf(sections, 'video.0.codec').values).toEqual(['hevc · Main 10', 'h264 · High']);
  expect(rowOf(sections, 'video.0.frameRate')).toMatchObject({ values: ['25 fps', '25 fps'], differs: false });
  expect(rowOf(sections, 'audio.0.sampleRate').differs).toBe(false);
  // The second audio stream: the transcode has none, which is a difference.
  expect(rowOf(sections, 'audio.1.channels')).toEqual({ key: 'audio.1.channels', label: 'channels', values: ['6 (5.1)', null], differs: true });
});

it('leaves a job that could not be read out of the differences', () => {
  const sections = compareJobs([source, undefined, { ...source, JobId: 'c'.repeat(32) } as MediaInfoJob], 'en');
  expect(rowOf(sections, 'file.size')).toMatchObject({ values: ['900 MB', null, '900 MB'] });
  // Its column says why it holds nothing; the two files read are alike, so nothing differs.
  expect(sections.flatMap((s) => s.rows).filter((r) => r.differs)).toEqual([]);
  const other = compareJobs([source, undefined, { ...source, MediaInfoProperty: { ...source.MediaInfoProperty, FileBasicInfo: { ...source.MediaInfoProperty!.FileBasicInfo, FileSize: '1' } } } as MediaInfoJob], 'en');
  expect(rowOf(other, 'file.size')).toMatchObject({ values: ['900 MB', null, '1 B'], differs: true });
  const same = compareJobs([source, { ...source, JobId: 'c'.repeat(32) } as MediaInfoJob], 'en');
  expect(same.flatMap((s) => s.rows).filter((r) => r.differs)).toEqual([]);
});

it('reads two to four JobIds from a paste, each once, and refuses the rest naming JobIds', () => {
  expect(parseCompareIds(`${'a'.repeat(32)}\n${'b'.repeat(32)}, ${'a'.repeat(32)}`)).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
  expect(() => parseCompareIds('a'.repeat(32))).toThrow(expect.objectContaining({ field: 'JobIds', params: expect.objectContaining({ reason: 'compare_count', min: 2, max: 4 }) }));
  expect(() => parseCompareIds(['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(32)).join(','))).toThrow(expect.objectContaining({ field: 'JobIds' }));
  expect(() => parseCompareIds(`${'a'.repeat(32)},not an id!`)).toThrow(expect.objectContaining({ field: 'JobIds', params: expect.objectContaining({ reason: 'characters' }) }));
});
