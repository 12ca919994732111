'use client';

import { useTranslations } from 'next-intl';
import { useEarlyInput } from './use-early-input';
import { setTimeZone, useTimeZone } from './use-time-zone';

export function TimeZoneToggle() {
  const t = useTranslations('header');
  const zone = useTimeZone();
  const choose = (value: string) => setTimeZone(value === 'UTC' ? 'UTC' : 'local');
  useEarlyInput({ 'time-zone': { held: zone, take: choose } });
  return (
    <div className="field inline-field">
      <label htmlFor="time-zone">{t('timeZone')}</label>
      <select id="time-zone" value={zone} onChange={(e) => choose(e.target.value)}>
        <option value="local">{t('timeZoneLocal')}</option>
        <option value="UTC">{t('timeZoneUtc')}</option>
      </select>
    </div>
  );
}
