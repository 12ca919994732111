import { ConfigError } from '@/lib/errors';
import { parseIceConfig } from '@/lib/ice/config';

const valid = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'key-id-value-123',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret-value-456',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseIceConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseIceConfig', () => {
  it('defaults to cn-shanghai, its public endpoint, an 8 s budget, 8 calls in flight and finished jobs kept a week', () => {
    expect(parseIceConfig(valid)).toEqual({
      accessKeyId: 'key-id-value-123',
      accessKeySecret: 'secret-value-456',
      securityToken: undefined,
      syncTimeoutMs: 30_000,
      region: 'cn-shanghai',
      endpoint: 'https://ice.cn-shanghai.aliyuncs.com',
      regions: [{ region: 'cn-shanghai', endpoint: 'https://ice.cn-shanghai.aliyuncs.com' }],
      timeoutMs: 8000,
      maxConcurrency: 8,
      finishedJobTtlMs: 7 * 24 * 3600_000,
    });
  });

  it('keeps finished jobs for FINISHED_JOB_CACHE_HOURS, or none at 0', () => {
    expect(parseIceConfig({ ...valid, FINISHED_JOB_CACHE_HOURS: '24' }).finishedJobTtlMs).toBe(24 * 3600_000);
    expect(parseIceConfig({ ...valid, FINISHED_JOB_CACHE_HOURS: '0' }).finishedJobTtlMs).toBe(0);
    expect(problems({ ...valid, FINISHED_JOB_CACHE_HOURS: '-1' })).toEqual(['FINISHED_JOB_CACHE_HOURS must be a whole number of hours from 0 (keep none) to 720']);
  });

  it('derives the endpoint from ICE_REGION, and ICE_ENDPOINT overrides it', () => {
    expect(parseIceConfig({ ...valid, ICE_REGION: 'ap-southeast-1' }).endpoint).toBe('https://ice.ap-southeast-1.aliyuncs.com');
    expect(parseIceConfig({ ...valid, ICE_ENDPOINT: 'http://127.0.0.1:9100/' }).endpoint).toBe('http://127.0.0.1:9100');
  });

  it('lists every wrong variable at once, by name, with what is expected', () => {
    const found = problems({ ICE_REGION: 'Shanghai!', ICE_ENDPOINT: 'ftp://x', ICE_TIMEOUT_MS: 'soon', ICE_MAX_CONCURRENCY: '0' });
    const names = found.map((p) => p.split(' ')[0]);
    expect(names.sort()).toEqual(
      ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ICE_ENDPOINT', 'ICE_MAX_CONCURRENCY', 'ICE_REGION', 'ICE_TIMEOUT_MS'].sort(),
    );
    expect(found.find((p) => p.startsWith('ICE_REGION'))).toContain('cn-shanghai');
    expect(found.find((p) => p.startsWith('ALIBABA_CLOUD_ACCESS_KEY_ID'))).toContain('required');
    expect(found).toContain('ICE_MAX_CONCURRENCY must be a whole number from 1 to 256');
  });

  it('treats an empty variable as unset', () => {
    expect(problems({ ...valid, ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' })).toEqual([expect.stringMatching(/^ALIBABA_CLOUD_ACCESS_KEY_SECRET is required/)]);
  });

  it('never repeats a value in its messages', () => {
    const error = (() => {
      try {
        parseIceConfig({ ...valid, ICE_TIMEOUT_MS: 'secret-value-456', ICE_REGION: 'key-id-value-123!' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).not.toContain('secret-value-456');
    expect(error.message).not.toContain('key-id-value-123');
  });
});

describe('several regions', () => {
  it('reads ICE_REGIONS in order, the first the default, each at its ICE_ENDPOINTS entry or its public endpoint', () => {
    const config = parseIceConfig({ ...valid, ICE_REGIONS: 'cn-shanghai, ap-southeast-1,cn-beijing', ICE_ENDPOINTS: 'ap-southeast-1=http://127.0.0.1:9101/,cn-shanghai=http://127.0.0.1:9100' });
    expect(config.regions).toEqual([
      { region: 'cn-shanghai', endpoint: 'http://127.0.0.1:9100' },
      { region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:9101' },
      { region: 'cn-beijing', endpoint: 'https://ice.cn-beijing.aliyuncs.com' },
    ]);
    expect([config.region, config.endpoint]).toEqual(['cn-shanghai', 'http://127.0.0.1:9100']);
    // One region keeps ICE_REGION and ICE_ENDPOINT as before.
    expect(parseIceConfig({ ...valid, ICE_REGION: 'ap-southeast-1', ICE_ENDPOINT: 'http://127.0.0.1:9100' }).regions).toEqual([{ region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:9100' }]);
  });

  it('refuses regions and endpoints that do not fit together, naming each problem', () => {
    expect(problems({ ...valid, ICE_REGIONS: 'cn-shanghai,Singapore' })).toEqual(['ICE_REGIONS.1 must list region ids such as cn-shanghai,ap-southeast-1']);
    expect(problems({ ...valid, ICE_REGIONS: 'cn-shanghai,cn-shanghai' })).toEqual(['ICE_REGIONS must not name a region twice']);
    expect(problems({ ...valid, ICE_REGIONS: 'cn-shanghai,ap-southeast-1', ICE_ENDPOINT: 'http://127.0.0.1:9100' })).toEqual([
      'ICE_ENDPOINT is for one region: with several ICE_REGIONS, give ICE_ENDPOINTS (region=URL,...)',
    ]);
    expect(problems({ ...valid, ICE_REGIONS: 'cn-shanghai', ICE_ENDPOINTS: 'cn-beijing=http://127.0.0.1:1' })).toEqual(['ICE_ENDPOINTS names cn-beijing, which is not in ICE_REGIONS']);
    expect(problems({ ...valid, ICE_REGIONS: 'cn-shanghai', ICE_ENDPOINTS: 'cn-shanghai=ftp://x' })).toEqual([
      'ICE_ENDPOINTS.0 must be region=URL pairs such as cn-shanghai=http://127.0.0.1:9100,ap-southeast-1=http://127.0.0.1:9101',
    ]);
    expect(problems({ ...valid, ICE_REGIONS: 'ap-southeast-1,cn-shanghai', ICE_REGION: 'cn-shanghai' })).toEqual(['ICE_REGION must be unset (or the first of ICE_REGIONS) when ICE_REGIONS is set']);
    // With the key missing too, all of them at once.
    expect(problems({ ...valid, ICE_REGIONS: 'x', ALIBABA_CLOUD_ACCESS_KEY_ID: '' })).toHaveLength(2);
  });
});

