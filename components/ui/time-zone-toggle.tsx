'use client';

import { setTimeZone, useTimeZone } from './use-time-zone';

export function TimeZoneToggle() {
  const zone = useTimeZone();
  return (
    <div className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: '0.4rem' }}>
      <label htmlFor="time-zone">Times in</label>
      <select id="time-zone" value={zone} onChange={(e) => setTimeZone(e.target.value === 'UTC' ? 'UTC' : 'local')}>
        <option value="local">my time zone</option>
        <option value="UTC">UTC</option>
      </select>
    </div>
  );
}
