// Where a media file is: its name, URL and region, from an OSS URL, an http(s) URL or a media id.
import { createRandom, hashString, type Random } from '../random';
import { REGIONS } from './catalogue';

export interface MediaLocation {
  fileName: string;
  fileUrl: string;
  region: string;
  /** The media asset id, when the input named one rather than a file. */
  mediaId?: string;
}

const OSS_URL = /^oss:\/\/([^/]+)\/(.*)$/;
const HTTP_URL = /^https?:\/\/([^/?#]+)\/([^?#]*)/i;
const OSS_HOST_REGION = /\.oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/i;
const EXTENSION = /\.([a-z0-9]{1,5})$/i;

/** The part of a media reference the fail rules look at: OSS key, URL path or media id. */
export function objectNameOf(media: string): string {
  const oss = OSS_URL.exec(media);
  if (oss) return oss[2] ?? '';
  const http = HTTP_URL.exec(media);
  if (http) return safeDecode(http[2] ?? '');
  return media;
}

export function extensionOf(objectName: string): string {
  const lastSegment = objectName.slice(objectName.lastIndexOf('/') + 1);
  return EXTENSION.exec(lastSegment)?.[1]?.toLowerCase() ?? '';
}

/** A bucket lives in one region, so every file of a bucket gets the same one. */
function regionOfBucket(bucket: string): string {
  return createRandom(hashString(bucket)).weighted(REGIONS);
}

/**
 * FileName, FileUrl and Region of a media reference. A media id has no path of its own: its source
 * sits in an ICE-managed `outin-…` bucket, as for assets uploaded through the console.
 */
export function locateMedia(media: string, rng: Random, extension = 'mp4'): MediaLocation {
  const oss = OSS_URL.exec(media);
  if (oss) {
    const bucket = oss[1] ?? '';
    const key = oss[2] ?? '';
    const region = regionOfBucket(bucket);
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    return { fileName: lastSegment(key), fileUrl: `http://${bucket}.oss-${region}.aliyuncs.com/${encodedKey}`, region };
  }
  const http = HTTP_URL.exec(media);
  if (http) {
    const region = OSS_HOST_REGION.exec(http[1] ?? '')?.[1] ?? 'cn-shanghai';
    return { fileName: lastSegment(safeDecode(http[2] ?? '')), fileUrl: media, region };
  }
  const region = rng.weighted(REGIONS);
  const name = `${rng.hex(8)}-${rng.hex(11)}.${extension}`;
  const fileUrl = `http://outin-${rng.hex(32)}.oss-${region}.aliyuncs.com/sv/${rng.hex(8)}-${rng.hex(11)}/${name}`;
  return { fileName: name, fileUrl, region, mediaId: media };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
