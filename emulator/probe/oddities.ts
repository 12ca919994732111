// The rare faults real uploads have and the planned media does not: a truncated file that lasts
// nothing, a screen recording with an odd width, audio that ends early or starts late, a 4:2:2 10-bit
// intra master, a proxy stream beside the picture, a transport stream saved as .mp4. Each is drawn
// from its own random stream (the caller's), after the media is written, so adding one here moves no
// other field of the dataset; together they touch about one probed job in eighteen. They exist so every
// check of lib/checks/media-checks.ts fires on some seeded job.
import type { MediaInfoProperty, VideoStreamInfo } from '../ice-types';
import type { Random } from '../random';

const seconds = (value: number) => value.toFixed(6);

export function withOddities(property: MediaInfoProperty, rng: Random): MediaInfoProperty {
  const file = property.FileBasicInfo ? { ...property.FileBasicInfo } : undefined;
  const videos = (property.VideoStreamInfoList ?? []).map((stream) => ({ ...stream }));
  const audios = (property.AudioStreamInfoList ?? []).map((stream) => ({ ...stream }));
  const video = videos[0];
  const audio = audios[0];
  const roll = rng.next();
  if (roll < 0.004 && file) {
    // An upload cut short right after its header: the streams are there, with nothing in them.
    file.Duration = seconds(0);
    for (const stream of [...videos, ...audios]) stream.Duration = seconds(0);
  } else if (roll < 0.012 && video?.Width && Number(video.Width) % 2 === 0) {
    // Screen capture of a window, one pixel narrower than even.
    video.Width = String(Number(video.Width) - 1);
    if (file?.Width) file.Width = video.Width;
  } else if (roll < 0.022 && video?.Duration && audio?.Duration) {
    // An edit whose audio ends seconds before the picture.
    audio.Duration = seconds(Math.max(0, Number(video.Duration) - (1 + rng.next() * 4)));
  } else if (roll < 0.032 && video && audio) {
    // A capture whose audio starts late.
    audio.StartTime = seconds(Number(video.Start_time ?? 0) + 0.2 + rng.next() * 0.8);
  } else if (roll < 0.038 && video && (video.Codec_name === 'h264' || video.Codec_name === 'hevc')) {
    // An intra master from an editing suite: 4:2:2, 10 bits.
    video.PixFmt = 'yuv422p10le';
    video.Profile = video.Codec_name === 'h264' ? 'High 4:2:2 Intra' : 'Main 4:2:2 10';
  } else if (roll < 0.044 && video) {
    // A low-resolution proxy muxed beside the picture.
    const proxy: VideoStreamInfo = { ...video, Index: String(videos.length + audios.length), Width: '640', Height: '360', Bit_rate: video.Bit_rate ? (Number(video.Bit_rate) / 10).toFixed(3) : undefined };
    videos.push(proxy);
  } else if (roll < 0.056 && file?.FormatName?.startsWith('mov,')) {
    // A transport stream saved with the name of an MP4 or a MOV.
    file.FormatName = 'mpegts';
  }
  return {
    ...property,
    ...(file ? { FileBasicInfo: file } : {}),
    ...(property.VideoStreamInfoList ? { VideoStreamInfoList: videos } : {}),
    ...(property.AudioStreamInfoList ? { AudioStreamInfoList: audios } : {}),
  };
}
