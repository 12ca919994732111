'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { REGION_PARAM } from '@/lib/jobs/list-query';
import { useEarlyInput } from './use-early-input';

/**
 * The ICE region the page reads, while the portal reads several. The region is in the URL (Region=), so
 * a link opens in its region; choosing another opens the job list there, keeping the list's filters
 * (its paging and selection belong to the old region's pages and go).
 */
export function RegionSwitch({ regions }: { regions: string[] }) {
  const t = useTranslations('header');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const current = params.get(REGION_PARAM) ?? regions[0]!;

  const choose = (next: string) => {
    if (next === current || !regions.includes(next)) return;
    const kept = new URLSearchParams(pathname === '/jobs' ? params : undefined);
    for (const name of ['NextPageToken', 'Trail', 'Select']) kept.delete(name);
    kept.set(REGION_PARAM, next);
    startTransition(() => router.push(`/jobs?${kept}`));
  };
  useEarlyInput({ region: { held: current, take: choose } });

  return (
    <div className="field inline-field">
      <label htmlFor="region">{t('region')}</label>
      <select id="region" value={current} onChange={(e) => choose(e.target.value)} aria-busy={pending || undefined} translate="no">
        {regions.map((region) => (
          <option key={region} value={region}>
            {region}
          </option>
        ))}
      </select>
    </div>
  );
}
