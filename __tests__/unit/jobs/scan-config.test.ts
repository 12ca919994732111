import { ConfigError } from '@/lib/errors';
import { parseScanConfig } from '@/lib/jobs/scan-config';

describe('parseScanConfig', () => {
  it('defaults to 31 days and 50,000 jobs', () => {
    expect(parseScanConfig({})).toEqual({ maxDays: 31, maxJobs: 50_000 });
    expect(parseScanConfig({ SCAN_MAX_DAYS: '', SCAN_MAX_JOBS: '' })).toEqual({ maxDays: 31, maxJobs: 50_000 });
  });

  it('reads both bounds', () => {
    expect(parseScanConfig({ SCAN_MAX_DAYS: '7', SCAN_MAX_JOBS: '1000' })).toEqual({ maxDays: 7, maxJobs: 1000 });
  });

  it('names every bad bound, and no value', () => {
    try {
      parseScanConfig({ SCAN_MAX_DAYS: 'forever', SCAN_MAX_JOBS: '5' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'SCAN_MAX_DAYS must be a whole number from 1 to 366',
        'SCAN_MAX_JOBS must be a whole number from 100 to 1000000',
      ]);
    }
  });
});
