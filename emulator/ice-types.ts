// The emulator's own model of ICE's media-info job, in ICE's exact casing (ListMediaInfoJobs.txt).
// Kept apart from lib/ice on purpose: the emulator stands in for the real service and must not share
// the portal's assumptions, so the portal's schemas are tested against an independent producer.

export type JobStatus = 'Init' | 'Success' | 'Fail';
export type TriggerSource = 'API' | 'WorkFlow' | 'Console';

export interface FileBasicInfo {
  MediaId?: string;
  FileName?: string;
  FileStatus?: string;
  FileType?: string;
  FileSize?: string;
  FileUrl?: string;
  Region?: string;
  FormatName?: string;
  Duration?: string;
  Bitrate?: string;
  Width?: string;
  Height?: string;
}

export interface AudioStreamInfo {
  Index?: string;
  CodecName?: string;
  CodecLongName?: string;
  CodecTimeBase?: string;
  CodecTagString?: string;
  CodecTag?: string;
  SampleFmt?: string;
  SampleRate?: string;
  Channels?: string;
  ChannelLayout?: string;
  Timebase?: string;
  StartTime?: string;
  Duration?: string;
  Bitrate?: string;
  Lang?: string;
}

export interface VideoStreamInfo {
  Index?: string;
  Codec_name?: string;
  Codec_long_name?: string;
  Profile?: string;
  Codec_time_base?: string;
  Codec_tag_string?: string;
  Codec_tag?: string;
  Width?: string;
  Height?: string;
  Has_b_frames?: string;
  Sar?: string;
  Dar?: string;
  PixFmt?: string;
  Level?: string;
  Fps?: string;
  Avg_fps?: string;
  Time_base?: string;
  Start_time?: string;
  Duration?: string;
  Bit_rate?: string;
  NumFrames?: string;
  Lang?: string;
  Rotate?: string;
}

export interface MediaInfoProperty {
  FileBasicInfo?: FileBasicInfo;
  AudioStreamInfoList?: AudioStreamInfo[];
  VideoStreamInfoList?: VideoStreamInfo[];
}

export interface JobInput {
  Type: 'OSS' | 'Media';
  Media: string;
}

export interface ScheduleConfig {
  PipelineId?: string;
  Priority?: number;
}

export interface MediaInfoJob {
  Name?: string;
  TriggerSource?: TriggerSource;
  JobId: string;
  Input?: JobInput;
  Async?: boolean;
  UserData?: string;
  ScheduleConfig?: ScheduleConfig;
  Status: JobStatus;
  SubmitResultJson?: Record<string, unknown>;
  MediaInfoProperty?: MediaInfoProperty;
  SubmitTime?: string;
  FinishTime?: string;
  RequestId?: string;
}
