'use client';

import { useTranslations } from 'next-intl';
import { setTimeZone, useTimeZone } from './use-time-zone';

export function TimeZoneToggle() {
  const t = useTranslations('header');
  const zone = useTimeZone();
  return (
    <div className="field inline-field">
      <label htmlFor="time-zone">{t('timeZone')}</label>
      <select id="time-zone" value={zone} onChange={(e) => setTimeZone(e.target.value === 'UTC' ? 'UTC' : 'local')}>
        <option value="local">{t('timeZoneLocal')}</option>
        <option value="UTC">{t('timeZoneUtc')}</option>
      </select>
    </div>
  );
}
