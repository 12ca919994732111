import { connection } from 'next/server';
import { Suspense } from 'react';
import { configuredRegions } from '@/lib/ice/regions';
import { RegionSwitch } from './region-switch';

/** The region picker in the header, only while the portal reads more than one region. */
export async function RegionMenu() {
  // Request time only: the regions are the running server's configuration, not the build's.
  await connection();
  const regions = configuredRegions().map((r) => r.region);
  if (regions.length < 2) return null;
  return (
    <Suspense fallback={null}>
      <RegionSwitch regions={regions} />
    </Suspense>
  );
}
