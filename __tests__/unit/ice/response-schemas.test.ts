import JSONbig from 'json-bigint';
import { getJobResponseSchema, listJobsResponseSchema, mediaInfoJobSchema } from '@/lib/ice/schemas';
import { toPlainJson } from '@/lib/ice/plain-json';

describe('ICE response schemas', () => {
  it('accepts the documented example response as it is', () => {
    const example = {
      RequestId: '31E30781-9495-5E2D-A84D-759B0A01E262',
      Jobs: [
        {
          Name: 'job-name',
          TriggerSource: 'API',
          JobId: 'ab4802364a2e49208c99efab82df****',
          Input: { Type: 'OSS', Media: 'oss://bucket/path/to/video.mp4' },
          Async: true,
          UserData: 'user-data',
          ScheduleConfig: { PipelineId: 'e37ebee5d98b4781897f6086e89f****', Priority: 5 },
          Status: 'Init',
          SubmitResultJson: { test: 'test', test2: 1 },
          MediaInfoProperty: {
            FileBasicInfo: { FileSize: '31737', Duration: '403.039999', Bitrate: '888.563', Width: '848', Height: '478' },
            AudioStreamInfoList: [{ Index: '1', CodecName: 'aac', Bitrate: '0.f', SampleRate: '44100' }],
            VideoStreamInfoList: [{ Index: '0', Codec_name: 'h264', Has_b_frames: '2', Avg_fps: '25.0', Bit_rate: '888.563' }],
          },
          SubmitTime: '2022-01-12T08:49:41Z',
          FinishTime: '2022-01-12T08:49:41Z',
          RequestId: '4879B9DE-E4B6-19DC-91F5-9D5F4DCE4168',
        },
      ],
      NextPageToken: '019daf5780f74831b0e1a767c9f1c178',
    };
    const parsed = listJobsResponseSchema.parse(example);
    expect(parsed.Jobs[0]!.MediaInfoProperty!.VideoStreamInfoList![0]!.Codec_name).toBe('h264');
    expect(parsed.Jobs[0]!.SubmitResultJson).toEqual({ test: 'test', test2: 1 });
    expect(parsed.NextPageToken).toBe('019daf5780f74831b0e1a767c9f1c178');
  });

  it('takes numbers where strings are documented, and nulls and missing fields as absent', () => {
    const job = mediaInfoJobSchema.parse({
      JobId: 'j1',
      Status: 'Success',
      Name: null,
      MediaInfoProperty: { FileBasicInfo: { Width: 1920, Duration: 12.5 }, AudioStreamInfoList: null },
      ScheduleConfig: { Priority: '7' },
      Async: 'false',
    });
    expect(job.MediaInfoProperty!.FileBasicInfo).toMatchObject({ Width: '1920', Duration: '12.5' });
    expect(job.MediaInfoProperty!.AudioStreamInfoList).toBeUndefined();
    expect(job.Name).toBeUndefined();
    expect(job.ScheduleConfig!.Priority).toBe(7);
    expect(job.Async).toBe(false);
  });

  it('keeps fields it does not know, for the raw JSON view', () => {
    const job = mediaInfoJobSchema.parse({ JobId: 'j1', Status: 'Success', BrandNewField: { a: 1 }, MediaInfoProperty: { Extra: 'x' } });
    expect(job).toHaveProperty('BrandNewField', { a: 1 });
    expect(job.MediaInfoProperty).toHaveProperty('Extra', 'x');
  });

  it('reads SubmitResultJson sent as a JSON string, or as plain text', () => {
    expect(mediaInfoJobSchema.parse({ JobId: 'j', Status: 'Fail', SubmitResultJson: '{"Code":"X"}' }).SubmitResultJson).toEqual({ Code: 'X' });
    expect(mediaInfoJobSchema.parse({ JobId: 'j', Status: 'Fail', SubmitResultJson: 'boom' }).SubmitResultJson).toEqual({ Message: 'boom' });
  });

  it('treats an empty or missing NextPageToken as the last page, and missing Jobs as none', () => {
    expect(listJobsResponseSchema.parse({ RequestId: 'r', Jobs: [], NextPageToken: '' }).NextPageToken).toBeUndefined();
    expect(listJobsResponseSchema.parse({ RequestId: 'r' }).Jobs).toEqual([]);
  });

  it('refuses a body without a job', () => {
    expect(getJobResponseSchema.safeParse({ RequestId: 'r' }).success).toBe(false);
    expect(listJobsResponseSchema.safeParse({ Jobs: [{ Status: 'Init' }] }).success).toBe(false);
  });
});

describe('toPlainJson', () => {
  it('turns json-bigint numbers and prototype-less objects into plain JSON', () => {
    const raw = JSONbig.parse('{"FileSize": 123456789012345678901, "Nested": {"Priority": 5}}') as Record<string, unknown>;
    const plain = toPlainJson(Object.assign(Object.create(null), raw)) as Record<string, unknown>;
    expect(plain.FileSize).toBe('123456789012345678901');
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(mediaInfoJobSchema.parse({ JobId: 'j', Status: 'Success', MediaInfoProperty: { FileBasicInfo: { FileSize: plain.FileSize } } })
      .MediaInfoProperty!.FileBasicInfo!.FileSize).toBe('123456789012345678901');
  });

  it('keeps a __proto__ key as data', () => {
    const plain = toPlainJson(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(plain)).toEqual(['__proto__']);
  });
});
