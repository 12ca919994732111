import { z } from 'zod';
import { ConfigError } from '@/lib/errors';

// The ICE regions the portal reads, each with its endpoint, the default first: ICE_REGIONS (else
// ICE_REGION, else cn-shanghai), each at its ICE_ENDPOINTS entry, else (one region only) ICE_ENDPOINT,
// else ICE's public endpoint of the region. Read apart from the key pair, so a URL's Region can be
// checked where ICE's credentials are not needed (parsing a list query).

export interface IceRegion {
  region: string;
  endpoint: string;
}

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const commaList = (value: unknown) => (typeof value === 'string' && value.trim() ? value.split(',').map((part) => part.trim()).filter(Boolean) : undefined);
const httpUrl = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

const envSchema = z.object({
  ICE_REGION: z.preprocess(blankAsUnset, z.string().regex(REGION_ID, { error: 'must be a region id such as cn-shanghai or ap-southeast-1' }).optional()),
  ICE_REGIONS: z.preprocess(
    commaList,
    z
      .array(z.string().regex(REGION_ID, { error: 'must list region ids such as cn-shanghai,ap-southeast-1' }))
      .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name a region twice' })
      .optional(),
  ),
  ICE_ENDPOINT: z.preprocess(blankAsUnset, z.string().refine(httpUrl, { error: 'must be an http(s) URL such as https://ice.cn-shanghai.aliyuncs.com' }).optional()),
  ICE_ENDPOINTS: z.preprocess(
    commaList,
    z
      .array(
        z.string().refine((pair) => REGION_ID.test(pair.slice(0, pair.indexOf('='))) && httpUrl(pair.slice(pair.indexOf('=') + 1)), {
          error: 'must be region=URL pairs such as cn-shanghai=http://127.0.0.1:9100,ap-southeast-1=http://127.0.0.1:9101',
        }),
      )
      .optional(),
  ),
});

export function parseRegions(env: Record<string, string | undefined>): IceRegion[] {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const ids = e.ICE_REGIONS ?? [e.ICE_REGION ?? 'cn-shanghai'];
  if (e.ICE_REGIONS && e.ICE_REGION && e.ICE_REGION !== ids[0]) problems.push('ICE_REGION must be unset (or the first of ICE_REGIONS) when ICE_REGIONS is set');
  if (e.ICE_ENDPOINT && ids.length > 1) problems.push('ICE_ENDPOINT is for one region: with several ICE_REGIONS, give ICE_ENDPOINTS (region=URL,...)');
  const endpoints = new Map<string, string>();
  for (const pair of e.ICE_ENDPOINTS ?? []) {
    const cut = pair.indexOf('=');
    const [region, url] = [pair.slice(0, cut), pair.slice(cut + 1)];
    if (!ids.includes(region)) problems.push(`ICE_ENDPOINTS names ${region}, which is not in ICE_REGIONS`);
    else if (endpoints.has(region)) problems.push(`ICE_ENDPOINTS names ${region} twice`);
    endpoints.set(region, url);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return ids.map((region) => ({ region, endpoint: (endpoints.get(region) ?? (ids.length === 1 ? e.ICE_ENDPOINT : undefined) ?? `https://ice.${region}.aliyuncs.com`).replace(/\/+$/, '') }));
}

let cached: IceRegion[] | undefined;

/** The process's regions, the default first; throws ConfigError when the variables are wrong. */
export function configuredRegions(): IceRegion[] {
  cached ??= parseRegions(process.env);
  return cached;
}
