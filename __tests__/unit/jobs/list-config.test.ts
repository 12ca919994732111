import { ConfigError } from '@/lib/errors';
import { parseListConfig } from '@/lib/jobs/list-config';

describe('parseListConfig', () => {
  it('marks jobs in Init as possibly stuck after 10 minutes unless told otherwise', () => {
    expect(parseListConfig({})).toEqual({ stuckAfterMs: 600_000 });
    expect(parseListConfig({ STUCK_AFTER_MINUTES: '' })).toEqual({ stuckAfterMs: 600_000 });
    expect(parseListConfig({ STUCK_AFTER_MINUTES: '45' })).toEqual({ stuckAfterMs: 2_700_000 });
  });

  it('names STUCK_AFTER_MINUTES when it is not a whole number of minutes', () => {
    for (const value of ['0', 'soon', '1.5', '20000']) {
      expect(() => parseListConfig({ STUCK_AFTER_MINUTES: value })).toThrow(ConfigError);
      try {
        parseListConfig({ STUCK_AFTER_MINUTES: value });
      } catch (error) {
        expect((error as ConfigError).problems).toEqual(['STUCK_AFTER_MINUTES must be a whole number of minutes from 1 to 10080']);
      }
    }
  });
});
