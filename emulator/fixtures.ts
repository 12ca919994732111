// Extreme jobs for tests and benchmarks, added through POST /__emulator/jobs: many streams and a
// payload of a given size, to prove the portal stays responsive where real data is at its worst.
import type { AudioStreamInfo, MediaInfoJob, VideoStreamInfo } from './ice-types';

export interface HeavyJobOptions {
  jobId: string;
  videoStreams: number;
  audioStreams: number;
  /** Approximate size of the whole job as JSON; the rest is padding in SubmitResultJson. */
  totalBytes?: number;
}

export function heavyJob({ jobId, videoStreams, audioStreams, totalBytes = 0 }: HeavyJobOptions): MediaInfoJob {
  const video: VideoStreamInfo[] = Array.from({ length: videoStreams }, (_, i) => ({
    Index: String(i),
    Codec_name: i % 2 ? 'hevc' : 'h264',
    Codec_long_name: i % 2 ? 'H.265 / HEVC (High Efficiency Video Coding)' : 'H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10',
    Profile: i % 2 ? 'Main 10' : 'High',
    Width: String(3840 >> (i % 4)),
    Height: String(2160 >> (i % 4)),
    Sar: '1:1',
    Dar: '16:9',
    PixFmt: i % 2 ? 'yuv420p10le' : 'yuv420p',
    Level: '150',
    Fps: '25.0',
    Avg_fps: '25.0',
    Duration: '3600.000000',
    Bit_rate: String(20000 - i * 100),
    NumFrames: '90000',
    Lang: 'und',
    Rotate: '0',
  }));
  const languages = ['eng', 'chi', 'jpn', 'kor', 'fra', 'deu', 'spa', 'ita', 'rus', 'por'];
  const audio: AudioStreamInfo[] = Array.from({ length: audioStreams }, (_, i) => ({
    Index: String(videoStreams + i),
    CodecName: i % 3 === 0 ? 'ac3' : 'aac',
    CodecLongName: i % 3 === 0 ? 'ATSC A/52A (AC-3)' : 'AAC (Advanced Audio Coding)',
    SampleFmt: 'fltp',
    SampleRate: '48000',
    Channels: i % 3 === 0 ? '6' : '2',
    ChannelLayout: i % 3 === 0 ? '5.1(side)' : 'stereo',
    Duration: '3600.000000',
    Bitrate: i % 3 === 0 ? '448.000' : '192.000',
    Lang: languages[i % languages.length],
  }));
  const job: MediaInfoJob = {
    JobId: jobId,
    Name: `heavy fixture: ${videoStreams} video, ${audioStreams} audio streams`,
    TriggerSource: 'API',
    Input: { Type: 'OSS', Media: `oss://fixtures/heavy/${jobId}.ts` },
    Async: true,
    Status: 'Success',
    SubmitResultJson: { Code: 'Success', Message: 'ok' },
    MediaInfoProperty: {
      FileBasicInfo: {
        FileName: `${jobId}.ts`,
        FormatName: 'mpegts',
        Duration: '3600.000000',
        FileSize: '21600000000',
        Bitrate: '48000.000',
        Width: '3840',
        Height: '2160',
      },
      VideoStreamInfoList: video,
      AudioStreamInfoList: audio,
    },
    SubmitTime: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    FinishTime: new Date(Date.now() - 3500_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const missing = totalBytes - JSON.stringify(job).length;
  if (missing > 0) {
    // Many small entries rather than one long string: the shape a verbose probe report really has.
    const entry = (i: number) => `frame ${i}: pts=${i * 3600} dts=${i * 3600} size=${1000 + (i % 997)} flags=K_`;
    const trace: string[] = [];
    for (let size = 0, i = 0; size < missing; i++) {
      trace.push(entry(i));
      size += entry(i).length + 3; // quotes and comma
    }
    job.SubmitResultJson = { ...job.SubmitResultJson, Trace: trace };
  }
  return job;
}
