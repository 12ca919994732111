import { ConfigError } from '@/lib/errors';
import { parseScanConfig } from '@/lib/jobs/scan-config';

const DEFAULTS = { maxDays: 31, maxJobs: 50_000, callsPerMinute: 600, exportsPerUser: 2, exportsPerInstance: 8, exportIdleMs: 60_000, insightsCacheMs: 60_000 };

describe('parseScanConfig', () => {
  it('defaults to 31 days, 50,000 jobs, 600 scan calls a minute, two exports a user, eight an instance, and 60 s idle', () => {
    expect(parseScanConfig({})).toEqual(DEFAULTS);
    expect(
      parseScanConfig({ SCAN_MAX_DAYS: '', SCAN_MAX_JOBS: '', SCAN_CALLS_PER_MINUTE: '', EXPORT_MAX_PER_USER: '', EXPORT_MAX_PER_INSTANCE: '', EXPORT_IDLE_SECONDS: '', INSIGHTS_CACHE_SECONDS: '' }),
    ).toEqual(DEFAULTS);
  });

  it('reads every bound', () => {
    expect(
      parseScanConfig({ SCAN_MAX_DAYS: '7', SCAN_MAX_JOBS: '1000', SCAN_CALLS_PER_MINUTE: '120', EXPORT_MAX_PER_USER: '1', EXPORT_MAX_PER_INSTANCE: '3', EXPORT_IDLE_SECONDS: '5', INSIGHTS_CACHE_SECONDS: '0' }),
    ).toEqual({ maxDays: 7, maxJobs: 1000, callsPerMinute: 120, exportsPerUser: 1, exportsPerInstance: 3, exportIdleMs: 5000, insightsCacheMs: 0 });
  });

  it('names every bad bound, and no value', () => {
    try {
      parseScanConfig({ SCAN_MAX_DAYS: 'forever', SCAN_MAX_JOBS: '5', SCAN_CALLS_PER_MINUTE: '1', EXPORT_MAX_PER_USER: '0', EXPORT_MAX_PER_INSTANCE: 'many', EXPORT_IDLE_SECONDS: '0.5' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'SCAN_MAX_DAYS must be a whole number from 1 to 366',
        'SCAN_MAX_JOBS must be a whole number from 100 to 1000000',
        'SCAN_CALLS_PER_MINUTE must be a whole number from 10 to 100000',
        'EXPORT_MAX_PER_USER must be a whole number from 1 to 100',
        'EXPORT_MAX_PER_INSTANCE must be a whole number from 1 to 1000',
        'EXPORT_IDLE_SECONDS must be a whole number from 1 to 3600',
      ]);
    }
  });
});
