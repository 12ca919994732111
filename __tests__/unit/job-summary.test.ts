import { containerName, countedNames, summarizeJob } from '@/lib/jobs/job-summary';
import { mediaInfoJobSchema } from '@/lib/ice/schemas';

describe('summarizeJob', () => {
  it('reads a successful job into human units', () => {
    const row = summarizeJob(
      mediaInfoJobSchema.parse({
        JobId: 'j1',
        Status: 'Success',
        Input: { Type: 'OSS', Media: 'oss://bucket/dir/talk.mp4' },
        SubmitTime: '2024-01-01T00:00:00Z',
        FinishTime: '2024-01-01T00:00:12Z',
        MediaInfoProperty: {
          FileBasicInfo: { FileName: 'talk.mp4', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '3723.456', FileSize: '1234567890', Width: '1920', Height: '1080' },
          VideoStreamInfoList: [{ Codec_name: 'h264' }],
          AudioStreamInfoList: [{ CodecName: 'aac' }, { CodecName: 'aac' }, { CodecName: 'ac3' }],
        },
      }),
    );
    expect(row).toMatchObject({
      fileName: 'talk.mp4',
      container: 'mp4',
      duration: '01:02:03.456',
      sizeBytes: 1_234_567_890,
      processingMs: 12_000,
      videoCodecs: 'h264',
      audioCodecs: 'aac ×2, ac3',
    });
    expect(row.resolution).toMatch(/1920.1080/);
  });

  it('falls back to the input path for a failed job without media info, and shows dashes', () => {
    const row = summarizeJob(mediaInfoJobSchema.parse({ JobId: 'j2', Status: 'Fail', Input: { Type: 'OSS', Media: 'oss://b/missing/x.mov' } }));
    expect(row).toMatchObject({ fileName: 'x.mov', container: '—', duration: '—', videoCodecs: '—', audioCodecs: '—' });
    expect(row.sizeBytes).toBeUndefined();
    expect(row.processingMs).toBeUndefined();
  });

  it('names the file of an input with a query, and of a hostile one with many ? before a line break at once', () => {
    const summary = (Media: string) => summarizeJob(mediaInfoJobSchema.parse({ JobId: 'j3', Status: 'Fail', Input: { Type: 'OSS', Media } }));
    expect(summary('https://cdn.example.com/a/clip%20one.mp4?Expires=1&Signature=x#t=3').fileName).toBe('clip one.mp4');
    const started = performance.now();
    expect(summary(`oss://b/x.mov${'?'.repeat(50_000)}\n`).fileName).toBe('x.mov');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('picks the container from the extension only when the format family lists it', () => {
    expect(containerName('matroska,webm', 'a.webm')).toBe('webm');
    expect(containerName('matroska,webm', 'a.bin')).toBe('matroska');
    expect(containerName(undefined, 'a.mp4')).toBe('—');
  });

  it('counts repeated codec names and skips missing ones', () => {
    expect(countedNames(['aac', undefined, 'aac', ''])).toBe('aac ×2');
  });
});
